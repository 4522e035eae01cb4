// Command coach turns a git repository of skill files into coaching work for
// product leaders: development plans, weekly 1:1 agendas and a progress
// history. See README.md.
package main

import (
	"crypto"
	"crypto/sha1"
	"os"

	"github.com/go-git/go-git/v5/plumbing/hash"
)

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }

// go-git hashes every object it inflates with collision-detecting SHA-1,
// which made up a sixth of reading a long history. The detection guards
// against crafted objects fetched from untrusted remotes; coach never
// fetches, and only reads the user's own repository, whose objects git
// verified when they arrived. The hashes are the same either way.
func init() {
	if err := hash.RegisterHash(crypto.SHA1, sha1.New); err != nil {
		panic(err) // only for an unsupported algorithm, which SHA-1 is not
	}
}
