package templates

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSVGGolden draws charts over a week, a quarter and five years and
// compares them with testdata/svg/*.svg (-update rewrites them).
func TestSVGGolden(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(10 * time.Hour)
	}
	level := func(date, skill string, from, to int) skills.Change {
		return skills.Change{Person: "alice", Date: day(date), Kind: skills.KindLevel, Skill: skill,
			From: strconv.Itoa(from), To: strconv.Itoa(to)}
	}
	tests := []struct {
		name    string
		changes []skills.Change // newest first, as history gives them
	}{
		{"week", []skills.Change{
			level("2026-11-09", "negotiation", 2, 3),
			level("2026-11-05", "coaching", 3, 4),
			level("2026-11-03", "negotiation", 0, 2),
			level("2026-11-03", "coaching", 0, 3),
		}},
		{"quarter", []skills.Change{
			level("2026-11-20", "negotiation", 3, 4),
			level("2026-10-02", "coaching", 3, 4),
			level("2026-09-15", "negotiation", 2, 3),
			level("2026-08-24", "negotiation", 0, 2),
			level("2026-08-24", "coaching", 0, 3),
		}},
		{"five-years", []skills.Change{
			level("2026-11-20", "coaching", 4, 5),
			level("2025-03-01", "negotiation", 3, 4),
			level("2024-06-12", "coaching", 3, 4),
			level("2023-01-09", "negotiation", 2, 3),
			level("2021-12-01", "negotiation", 0, 2),
			level("2021-12-01", "coaching", 0, 3),
		}},
	}
	p := &skills.Person{ID: "alice", Name: "Alice Example"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := HistorySVG(p, tt.changes, m)
			checkAxis(t, got, tt.changes[0].Date)
			golden := filepath.Join("testdata", "svg", tt.name+".svg")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

var axisLabel = regexp.MustCompile(`<text x="([0-9.]+)" y="364\.0" text-anchor="middle" fill="#555555" font-size="10">([^<]+)</text>`)

// checkAxis checks what the golden files cannot say alone: the axis labels
// do not overlap, the last point is labelled with its own date, and the
// chart has a title and a description.
func checkAxis(t *testing.T, svg []byte, last time.Time) {
	t.Helper()
	labels := axisLabel.FindAllSubmatch(svg, -1)
	if len(labels) < 2 {
		t.Errorf("%d axis labels, want 2 or more", len(labels))
	}
	prevRight := -1.0
	for _, l := range labels {
		x, _ := strconv.ParseFloat(string(l[1]), 64)
		half := float64(len(l[2])) * 6 / 2 // 6px a character is generous at font-size 10
		if x-half < prevRight {
			t.Errorf("axis label %q at %.1f overlaps the one before it", l[2], x)
		}
		prevRight = x + half
	}
	for _, want := range []string{"<title id=\"title\">", "<desc id=\"desc\">", ">" + last.Format(time.DateOnly) + "</text>", "Legend"} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(svg) {
			t.Errorf("no %q in the chart", want)
		}
	}
}
