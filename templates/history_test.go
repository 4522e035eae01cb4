package templates

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestTextDaysNeverGoUp: history --all printed each commit's own date but
// kept the order of their instants, so a commit made late on the 10th in
// California (07:30 UTC on the 11th) came above one made early on the 11th
// in London, and the dates read 2026-11-10, 2026-11-11 (issue 22). The days
// shown go down; within a day the newer instant comes first; a commit's
// changes stay together.
func TestTextDaysNeverGoUp(t *testing.T) {
	pst, cet := time.FixedZone("", -8*3600), time.FixedZone("", 3600)
	at := func(s string, z *time.Location) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", s, z)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	commit := func(hash string, when time.Time, people ...string) []skills.Change {
		var out []skills.Change
		for _, p := range people {
			out = append(out, skills.Change{Person: p, Commit: hash, Date: when, Kind: skills.KindAdded})
		}
		return out
	}
	// Newest instant first, as history gives them.
	var in []skills.Change
	for _, cs := range [][]skills.Change{
		commit("e000000", at("2026-11-12 00:30", cet), "eli"),        // 11-11 23:30 UTC
		commit("a000000", at("2026-11-10 23:30", pst), "ann", "bob"), // 11-11 07:30 UTC
		commit("b000000", at("2026-11-11 01:00", time.UTC), "cy"),
		commit("c000000", at("2026-11-10 22:00", time.UTC), "dee"),
		commit("d000000", at("2026-11-10 21:00", time.UTC), "eve"),
		commit("f000000", at("2026-11-05 09:00", time.UTC), "fay"),
	} {
		in = append(in, cs...)
	}
	var got []string
	for c := range byLocalDay(slices.Values(in)) {
		got = append(got, day(c.Date)+" "+c.Commit[:1]+" "+c.Person)
	}
	want := []string{
		"2026-11-12 e eli",
		"2026-11-11 b cy",
		"2026-11-10 a ann", "2026-11-10 a bob",
		"2026-11-10 c dee",
		"2026-11-10 d eve",
		"2026-11-05 f fay",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := WriteHistory(&b, in, nil, true); err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, line := range strings.Split(b.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, " ") {
			days = append(days, line[:10])
		}
	}
	if !slices.IsSortedFunc(days, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("days out of order: %v", days)
	}
}

// A framework imported with levels named by their number alone ("Level
// 2") reads "level 2" in the history too, never "2 Level 2" (issue 26).
func TestLevelNameOfNumberedLevels(t *testing.T) {
	numbered := &skills.Matrix{Levels: []skills.Level{{Value: 1, Name: "Level 1"}, {Value: 2, Name: "Level 2"}}}
	named := &skills.Matrix{Levels: []skills.Level{{Value: 1, Name: "Aware"}, {Value: 2, Name: "Practising"}}}
	for _, tc := range []struct {
		m    *skills.Matrix
		n    int
		want string
	}{
		{numbered, 2, "level 2"},
		{named, 2, "2 Practising"},
		{numbered, 0, "not assessed"},
		{nil, 3, "3"},
	} {
		if got := levelName(tc.m, tc.n); got != tc.want {
			t.Errorf("levelName(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
