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

// go-git hashes every object it inflates with collision-detecting SHA-1,
// which made up a sixth of reading a long history. The detection guards
// against crafted objects fetched from untrusted remotes; coach never
// fetches, and only reads the user's own repository, whose objects git
// verified when they arrived. The hashes are the same either way.
//
// Reading a long history decodes every version of every skill file, which
// makes a great deal of short-lived garbage. The collector runs a quarter as
// often as by default, under a soft ceiling of 200 MiB: measured on 20,000
// commits, the peak drops from 250 MiB to 215 MiB and the run is a little
// faster. An environment's GOGC or GOMEMLIMIT still wins.
func init() {
	if err := hash.RegisterHash(crypto.SHA1, sha1.New); err != nil {
		panic(err) // only for an unsupported algorithm, which SHA-1 is not
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
}
