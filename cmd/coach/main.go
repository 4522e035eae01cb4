// Command coach turns a git repository of skill files into coaching work for
// product leaders: development plans, weekly 1:1 agendas and a progress
// history. See README.md.
package main

import (
	"crypto"
	"crypto/sha1"
	"os"
	"runtime/debug"

	"github.com/go-git/go-git/v5/plumbing/hash"
)

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }

// go-git hashes the commits and trees it decodes with collision-detecting
// SHA-1, which made up a sixth of reading a long history before the walk
// read packs itself, and is still measurable. The detection guards
// against crafted objects fetched from untrusted remotes; coach never
// fetches, and only reads the user's own repository, whose objects git
// verified when they arrived. The hashes are the same either way.
//
// Reading a long history decodes every version of every skill file, which
// makes a great deal of short-lived garbage. The collector runs a quarter as
// often as by default, under a soft ceiling of 180 MiB, which leaves room
// for the mapped pack files outside the Go heap: measured on 20,000 commits,
// the peak is 213 MiB, where 200 MiB gave 230 MiB for no faster a run and
// 160 MiB a run 10% slower. An environment's GOGC or GOMEMLIMIT still wins.
func init() {
	if err := hash.RegisterHash(crypto.SHA1, sha1.New); err != nil {
		panic(err) // only for an unsupported algorithm, which SHA-1 is not
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(180 << 20)
	}
}
