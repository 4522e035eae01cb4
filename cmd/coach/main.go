// Command coach turns a git repository of skill files into coaching work for
// product leaders: development plans, weekly 1:1 agendas and a progress
// history. See README.md.
package main

import (
	"os"
	"runtime/debug"
)

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }

// Reading a long history decodes every version of every skill file, which
// makes a great deal of short-lived garbage. The collector runs a quarter as
// often as by default, under a soft ceiling of 180 MiB, which leaves room
// for the mapped pack files outside the Go heap: measured on 20,000 commits,
// the peak is 213 MiB, where 200 MiB gave 230 MiB for no faster a run and
// 160 MiB a run 10% slower. An environment's GOGC or GOMEMLIMIT still wins.
func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}
