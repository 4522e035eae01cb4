package parallel

import (
	"context"
	"errors"
	"fmt"
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
			got, err := Do(t.Context(), workers, items, square)
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
			done, err := Do(t.Context(), workers, items, failAt(97, 7, 50))
			if err == nil || err.Error() != "item 7" {
				t.Errorf("error %v, want item 7", err)
			}
			if diff := cmp.Diff(items[:7], done); diff != "" {
				t.Errorf("results before the failed item (-want +got):\n%s", diff)
			}
			if _, err := Do(t.Context(), workers, []int{1}, failAt(1)); err == nil {
				t.Error("no error from one item")
			}
			if got, err := Do(t.Context(), workers, nil, square); err != nil || len(got) != 0 {
				t.Errorf("no items: %v, %v", got, err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			if _, err := Do(ctx, workers, items, square); !errors.Is(err, context.Canceled) {
				t.Errorf("interrupted: error %v, want context.Canceled", err)
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
	err := Windows(t.Context(), 2, items, func(i int) ([]byte, error) {
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
	err = Windows(t.Context(), 3, items, func(i int) (int, error) {
		if i == 30 || i == 31 {
			return 0, fmt.Errorf("item %d", i)
		}
		return i, nil
	}, func(i, r int) error { seen = append(seen, r); return nil })
	if err == nil || err.Error() != "item 30" || len(seen) != 30 || seen[29] != 29 {
		t.Errorf("got %v after %d results, want item 30 after 30", err, len(seen))
	}
}
