package gitobj

import (
	"bytes"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// patchDelta gives what go-git's PatchDelta gives, and an error for any
// delta that go-git rejects. It is stricter than go-git in one way, as git
// is: a size cut short at the end of the delta is an error.
func FuzzPatchDelta(f *testing.F) {
	tree := bytes.Repeat([]byte("100644 p0001.toml\x00aaaaaaaaaaaaaaaaaaaa"), 300)
	edited := bytes.Clone(tree)
	copy(edited[5000:], "100644 p0133.toml\x00bbbbbbbbbbbbbbbbbbbb")
	f.Add(tree, packfile.DiffDelta(tree, edited))
	f.Add([]byte("name = \"Alice\"\n"), packfile.DiffDelta([]byte("name = \"Alice\"\n"), []byte("name = \"Alice B\"\nrole = \"pm\"\n")))
	for _, seed := range [][2][]byte{{tree, edited}, {[]byte("a"), tree}, {tree, []byte("x")}} {
		got, err := patchDelta(seed[0], packfile.DiffDelta(seed[0], seed[1]))
		if err != nil || !bytes.Equal(got, seed[1]) {
			f.Fatalf("patchDelta of a delta go-git wrote: %v", err)
		}
	}
	f.Add([]byte{}, []byte{0, 3, 3, 'a', 'b', 'c'})
	f.Add([]byte("abc"), []byte{3, 3, 0x91, 0, 3})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		got, err := patchDelta(base, delta)
		want, werr := packfile.PatchDelta(base, delta)
		if werr != nil {
			if err == nil {
				t.Fatalf("patchDelta accepted a delta go-git rejects (%v)", werr)
			}
			return
		}
		if err != nil {
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("patchDelta gives %q, go-git %q", got, want)
		}
	})
}
