// Command gensynth builds a synthetic coaching repository for benchmarks:
//
//	go run ./scripts/gensynth -people 500 -commits 20000 -out /tmp/synth
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/coach-dev/coach/history/synth"
)

func main() {
	var o synth.Options
	out := flag.String("out", "", "directory to create (must not exist)")
	flag.IntVar(&o.People, "people", 500, "people in the team")
	flag.IntVar(&o.Commits, "commits", 20000, "commits on main")
	flag.IntVar(&o.MergeEvery, "merge-every", 50, "make every n-th commit a merged side branch; 0: none")
	flag.IntVar(&o.RenameEvery, "rename-every", 333, "rename a skill file every n-th commit; 0: none")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gensynth: -out DIR is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gensynth: %s exists\n", *out)
		os.Exit(2)
	}
	if err := synth.Build(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gensynth:", err)
		os.Exit(1)
	}
}
