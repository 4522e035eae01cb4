package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInParallel(t *testing.T) {
	items := make([]int, 100)
	for i := range items {
		items[i] = i
	}
	square := func(i int) (string, error) { return fmt.Sprint(i * i), nil }
	failAt := func(bad ...int) func(int) (int, error) {
		return func(i int) (int, error) {
			for _, b := range bad {
				if i == b {
					return 0, fmt.Errorf("item %d", i)
				}
			}
			return i, nil
		}
	}
	for _, workers := range []int{0, 1, 3, 16} {
		t.Run(fmt.Sprint("workers ", workers), func(t *testing.T) {
			got, err := inParallel(t.Context(), workers, items, square)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range got {
				if s != fmt.Sprint(i*i) {
					t.Fatalf("result %d is %q: out of order", i, s)
				}
			}
			// The error is the first item's in order, whatever the
			// schedule, with the results of the items before it.
			done, err := inParallel(t.Context(), workers, items, failAt(97, 7, 50))
			if err == nil || err.Error() != "item 7" {
				t.Errorf("error %v, want item 7", err)
			}
			if diff := cmp.Diff(items[:7], done); diff != "" {
				t.Errorf("results before the failed item (-want +got):\n%s", diff)
			}
			if _, err := inParallel(t.Context(), workers, []int{1}, failAt(1)); err == nil {
				t.Error("no error from one item")
			}
			if got, err := inParallel(t.Context(), workers, nil, square); err != nil || len(got) != 0 {
				t.Errorf("no items: %v, %v", got, err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			if _, err := inParallel(ctx, workers, items, square); !errors.Is(err, context.Canceled) {
				t.Errorf("interrupted: error %v, want context.Canceled", err)
			}
		})
	}
}

// TestParallelSameBytes checks that plans and the team view built on many
// goroutines are the same bytes, on stdout and stderr, as built on one, for
// a team of dozens with managers, and for the example team with its git
// history. With -race it also checks what the plans share.
func TestParallelSameBytes(t *testing.T) {
	team := teamRepo(t, 48)
	for i := 6; i < 48; i++ {
		f := filepath.Join(team, "skills", fmt.Sprintf("p%04d.toml", i))
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(fmt.Appendf(nil, "manager = \"p%04d\"\n", i/6), src...)
		if err := os.WriteFile(f, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	example := teamDir(t)
	type run func(workers int, stdout, stderr *bytes.Buffer) error
	var tests []struct {
		name string
		run  run
	}
	for _, dir := range []string{team, example} {
		name := map[string]string{team: "48 people", example: "example"}[dir]
		for _, format := range []string{"md", "json"} {
			tests = append(tests, struct {
				name string
				run  run
			}{
				fmt.Sprintf("plan --all --format %s, %s", format, name),
				func(workers int, stdout, stderr *bytes.Buffer) error {
					return runPlan(t.Context(), planOptions{Dir: dir, All: true, Stdout: true, Format: format, Workers: workers}, stdout, stderr)
				},
			}, struct {
				name string
				run  run
			}{
				fmt.Sprintf("team --format %s, %s", format, name),
				func(workers int, stdout, stderr *bytes.Buffer) error {
					return runTeam(t.Context(), teamOptions{Dir: dir, Stdout: true, Format: format, Workers: workers}, stdout, stderr)
				},
			})
		}
	}
	// A template that fails for one person in the middle: the plans
	// before are written, then the error is reported, as one at a time.
	failing := teamRepo(t, 40)
	if err := os.MkdirAll(filepath.Join(failing, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := `{{define "plan.md.tmpl"}}{{.Person.Name}}{{if eq .Person.ID "p0017" "p0031"}}{{.Nope}}{{end}}{{end}}`
	if err := os.WriteFile(filepath.Join(failing, "templates", "plan.md.tmpl"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		run  run
	}{
		"plan --all failing at p0017",
		func(workers int, stdout, stderr *bytes.Buffer) error {
			os.RemoveAll(filepath.Join(failing, "plans"))
			err := runPlan(t.Context(), planOptions{Dir: failing, All: true, Format: "md", Workers: workers}, stdout, stderr)
			if err == nil {
				return errors.New("no error")
			}
			written, _ := filepath.Glob(filepath.Join(failing, "plans", "*.md"))
			fmt.Fprintf(stdout, "%v\n%d plans written\n", err, len(written))
			return nil
		},
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wantOut, wantErr bytes.Buffer
			if err := tt.run(1, &wantOut, &wantErr); err != nil {
				t.Fatal(err)
			}
			var gotOut, gotErr bytes.Buffer
			if err := tt.run(8, &gotOut, &gotErr); err != nil {
				t.Fatal(err)
			}
			if wantOut.Len() == 0 {
				t.Fatal("no output")
			}
			if !bytes.Equal(wantOut.Bytes(), gotOut.Bytes()) {
				t.Errorf("stdout differs (-one +eight):\n%s", cmp.Diff(wantOut.String(), gotOut.String()))
			}
			if diff := cmp.Diff(wantErr.String(), gotErr.String()); diff != "" {
				t.Errorf("stderr differs (-one +eight):\n%s", diff)
			}
		})
	}
}

// plan --all held every rendered plan until the last was written: 150
// plans near the per-plan output limit took 1.9 GB, and 2,000 ran out of
// memory. Plans are now rendered a window at a time and dropped once
// written: 1,000 results of 1 MiB each, handed on in order, never hold
// more than a few windows' worth of heap.
func TestPlanAllHoldsEveryRenderedPlan(t *testing.T) {
	items := make([]int, 1000)
	for i := range items {
		items[i] = i
	}
	var started atomic.Int64
	var peak uint64
	next := 0
	err := inWindows(t.Context(), 2, items, func(i int) ([]byte, error) {
		started.Add(1)
		b := make([]byte, 1<<20)
		b[0] = byte(i)
		return b, nil
	}, func(i int, b []byte) error {
		if i != next || b[0] != byte(i) {
			return fmt.Errorf("result %d handed on as %d: out of order", i, next)
		}
		next++
		if ahead := started.Load() - int64(i); ahead > 8 {
			return fmt.Errorf("%d results built ahead of the one handed on", ahead)
		}
		if i%50 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if next != len(items) {
		t.Fatalf("%d results handed on, want %d", next, len(items))
	}
	if peak > 128<<20 {
		t.Errorf("the heap reached %d MiB for results of 1 MiB", peak>>20)
	}

	// A failure stops the run after the results before it are handed on.
	var seen []int
	err = inWindows(t.Context(), 3, items, func(i int) (int, error) {
		if i == 30 || i == 31 {
			return 0, fmt.Errorf("item %d", i)
		}
		return i, nil
	}, func(i, r int) error { seen = append(seen, r); return nil })
	if err == nil || err.Error() != "item 30" || len(seen) != 30 || seen[29] != 29 {
		t.Errorf("got %v after %d results, want item 30 after 30", err, len(seen))
	}
}
