// Package parallel is coach's one worker pool: it runs a function over
// items on several goroutines and hands the results on in the items' order,
// so that what is written from them is the same bytes as from a loop.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f for every item on up to workers goroutines (0: GOMAXPROCS)
// and returns the results in the items' order, so that what is written from
// them is the same bytes as from a loop.
//
// When f fails, the error returned is that of the first item, in order,
// that failed, whatever the schedule, with the results of the items before
// it: a caller writes those and reports the error, as a loop would have.
// Items after a failed one are not started. When ctx is done, no more items
// are started and ctx's error is returned, with no results.
func Do[T, R any](ctx context.Context, workers int, items []T, f func(T) (R, error)) ([]R, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]R, len(items))
	errs := make([]error, len(items))
	var next atomic.Int64 // the next item to start: items start in order
	var failed atomic.Int64
	failed.Store(int64(len(items))) // the first item that failed, so far
	var wg sync.WaitGroup
	for range min(workers, len(items)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= failed.Load() {
					return
				}
				if out[i], errs[i] = f(items[i]); errs[i] != nil {
					for {
						first := failed.Load()
						if i >= first || failed.CompareAndSwap(first, i) {
							break
						}
					}
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Every item before the first that failed was started, since items
	// start in order, and has finished.
	if first := int(failed.Load()); first < len(items) {
		return out[:first], errs[first]
	}
	return out, nil
}

// window is how many results Windows holds per worker.
const window = 4

// Windows is [Do] for results too large to hold all at once: it
// runs f on a window of items (window per worker, at least 8) at a time and
// hands each result to each, in the items' order, before the next window
// starts, dropping it after. It stops at the first error of each, or after
// each has seen the results before the first item that failed, with that
// item's error.
func Windows[T, R any](ctx context.Context, workers int, items []T, f func(T) (R, error), each func(T, R) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := max(8, window*workers)
	for start := 0; start < len(items); start += size {
		chunk := items[start:min(start+size, len(items))]
		results, err := Do(ctx, workers, chunk, f)
		for i := range results {
			if eerr := each(chunk[i], results[i]); eerr != nil {
				return eerr
			}
			var zero R
			results[i] = zero
		}
		if err != nil {
			return err
		}
	}
	return nil
}
