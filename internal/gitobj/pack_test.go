package gitobj

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/internal/gittest"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// packRepo builds a small packed repository. With refDeltas the pack names
// delta bases by hash (as packs written without --delta-base-offset do)
// rather than by offset.
func packRepo(t *testing.T, refDeltas bool) (gitDir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 12, Commits: 150, MergeEvery: 10, RenameEvery: 17, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	if refDeltas {
		gittest.Git(t, dir, "-c", "repack.useDeltaBaseOffset=false", "repack", "-adfq")
	}
	return filepath.Join(dir, ".git")
}

// packObjects lists every object of a pack with the type its entry header
// gives (a delta type for a delta).
func packObjects(t *testing.T, p *pack) map[plumbing.Hash]plumbing.ObjectType {
	t.Helper()
	out := map[plumbing.Hash]plumbing.ObjectType{}
	for i := range p.idx.n {
		off, err := p.idx.offset(i)
		if err != nil {
			t.Fatal(err)
		}
		typ, _, _, _, _, err := header(p.data, off)
		if err != nil {
			t.Fatal(err)
		}
		out[p.idx.hash(i)] = typ
	}
	return out
}

// setOf is a packSet of packs already open.
func setOf(packs []*pack) *packSet {
	s := &packSet{}
	s.once.Do(func() { s.packs = packs })
	return s
}

func goGitStorage(gitDir string) *filesystem.Storage {
	return filesystem.NewStorage(osfs.New(gitDir), cache.NewObjectLRUDefault())
}

// The pack reader must give every object exactly as go-git's storage does,
// through chains of offset deltas and of hash-named deltas.
func TestPackReaderMatchesGoGit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ref   bool
		delta plumbing.ObjectType
	}{
		{"offset deltas", false, plumbing.OFSDeltaObject},
		{"hash deltas", true, plumbing.REFDeltaObject},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gitDir := packRepo(t, tc.ref)
			packs := mustOpenPacks(t, gitDir)
			defer closePacks(packs)
			if len(packs) != 1 {
				t.Fatalf("%d packs opened, want 1", len(packs))
			}
			st := goGitStorage(gitDir)
			o := newObjectStore(st, setOf(packs))
			objects := packObjects(t, packs[0])
			deltas := 0
			for h, typ := range objects {
				if typ == tc.delta {
					deltas++
				}
				got, gotType, ok, err := o.packed(h)
				if err != nil || !ok {
					t.Fatalf("%s: ok %v, %v", h, ok, err)
				}
				want, err := st.EncodedObject(plumbing.AnyObject, h)
				if err != nil {
					t.Fatal(err)
				}
				wantBytes, err := ReadObject(st, want.Type(), h)
				if err != nil {
					t.Fatal(err)
				}
				if gotType != want.Type() || !bytes.Equal(got, wantBytes) {
					t.Fatalf("%s: read a %s of %d bytes, go-git a %s of %d", h, gotType, len(got), want.Type(), len(wantBytes))
				}
				if h2 := plumbing.ComputeHash(gotType, got); h2 != h {
					t.Fatalf("%s: content hashes to %s", h, h2)
				}
			}
			// Without deltas of the kind under test, the test would pass
			// without exercising them.
			if deltas < len(objects)/4 {
				t.Fatalf("only %d of %d objects are %s entries", deltas, len(objects), tc.delta)
			}
		})
	}
}

// An object outside the packs (a loose object, as a fresh commit makes) is
// read through go-git's storage; a wrong type is not found, as in go-git.
func TestObjectStoreFallsBackForLooseObjects(t *testing.T) {
	gitDir := packRepo(t, false)
	dir := filepath.Dir(gitDir)
	blob := filepath.Join(dir, "loose.txt")
	if err := os.WriteFile(blob, []byte("not in any pack\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := plumbing.NewHash(strings.TrimSpace(gittest.Git(t, dir, "hash-object", "-w", blob)))
	packs := mustOpenPacks(t, gitDir)
	defer closePacks(packs)
	o := newObjectStore(goGitStorage(gitDir), setOf(packs))
	got, err := o.Read(plumbing.BlobObject, h)
	if err != nil || string(got) != "not in any pack\n" {
		t.Fatalf("loose blob: %q, %v", got, err)
	}
	if _, err := o.Read(plumbing.TreeObject, h); err != plumbing.ErrObjectNotFound {
		t.Fatalf("loose blob read as a tree: %v", err)
	}
	head := plumbing.NewHash(strings.TrimSpace(gittest.Git(t, dir, "rev-parse", "HEAD")))
	if _, err := o.Read(plumbing.BlobObject, head); err != plumbing.ErrObjectNotFound {
		t.Fatalf("packed commit read as a blob: %v", err)
	}
}

// A damaged pack gives an error, never a panic and never wrong content:
// every byte of the pack is flipped in turn (in a copy) and every object
// read again.
func TestPackReaderDamaged(t *testing.T) {
	gitDir := packRepo(t, false)
	packs := mustOpenPacks(t, gitDir)
	defer closePacks(packs)
	good := packs[0]
	objects := packObjects(t, good)
	want := map[plumbing.Hash][]byte{}
	o := newObjectStore(nil, setOf(packs))
	for h := range objects {
		data, _, _, err := o.packed(h)
		if err != nil {
			t.Fatal(err)
		}
		want[h] = data
	}
	damaged := 0
	step := max(1, len(good.data)/500) // about 500 positions, all kinds of bytes
	for i := 12; i < len(good.data)-20; i += step {
		data := bytes.Clone(good.data)
		data[i] ^= 0xff
		bad := &pack{name: good.name, idx: good.idx, data: data}
		o := newObjectStore(nil, setOf([]*pack{bad}))
		for h := range objects {
			got, _, _, err := o.packed(h)
			if err != nil {
				damaged++
				continue
			}
			if !bytes.Equal(got, want[h]) {
				t.Fatalf("byte %d flipped: %s read with wrong content", i, h)
			}
		}
	}
	if damaged == 0 {
		t.Fatal("no damage detected")
	}
	// Truncated packs, too.
	for _, n := range []int{12, 100, len(good.data) / 2, len(good.data) - 21} {
		bad := &pack{name: good.name, idx: good.idx, data: good.data[:n]}
		o := newObjectStore(nil, setOf([]*pack{bad}))
		for h := range objects {
			if got, _, _, err := o.packed(h); err == nil && !bytes.Equal(got, want[h]) {
				t.Fatalf("cut at %d: %s read with wrong content", n, h)
			}
		}
	}
}

// mustOpenPacks opens the packs of the repository at gitDir.
func mustOpenPacks(t *testing.T, gitDir string) []*pack {
	t.Helper()
	packs, err := openPacks([]string{filepath.Join(gitDir, "objects")})
	if err != nil {
		t.Fatal(err)
	}
	return packs
}

// A pack index that is cut short, changed or replaced is an error that names
// it and says how to rebuild it; it is never read around (go-git's storage
// would fail on it with "unexpected EOF", or find fewer objects).
func TestOpenPacksBadIndex(t *testing.T) {
	gitDir := packRepo(t, false)
	idxs, _ := filepath.Glob(filepath.Join(gitDir, "objects", "pack", "*.idx"))
	if len(idxs) != 1 {
		t.Fatalf("%d indexes", len(idxs))
	}
	good, err := os.ReadFile(idxs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(idxs[0], 0o644); err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0xff
	pack := strings.TrimSuffix(idxs[0], ".idx") + ".pack"
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"cut short", good[:len(good)/2], idxs[0] + ": the index does not match its checksum"},
		{"cut to nothing", good[:100], idxs[0] + ": the index is cut short (100 bytes)"},
		{"a byte changed", flipped, idxs[0] + ": the index does not match its checksum"},
		{"not an index", append([]byte("not an index"), make([]byte, 2000)...), idxs[0] + ": the index does not match its checksum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(idxs[0], tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			packs, err := openPacks([]string{filepath.Join(gitDir, "objects")})
			if len(packs) != 0 {
				t.Fatalf("opened %d packs with a broken index", len(packs))
			}
			want := "damaged repository: " + tc.want
			if err == nil || err.Error() != want {
				t.Fatalf("error %v, want %s", err, want)
			}
			var h interface{ Hint() string }
			if !errors.As(err, &h) || h.Hint() != "`git index-pack "+pack+"` rebuilds the index from its pack; `git fsck` then checks the rest" {
				t.Fatalf("hint: %v", err)
			}
		})
	}
	// A pack cut short no longer ends in the checksum its index names.
	if err := os.WriteFile(idxs[0], good, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(pack, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pack, data[:len(data)-100], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = openPacks([]string{filepath.Join(gitDir, "objects")})
	if want := "damaged repository: " + pack + ": the pack is not the one its index describes (cut short or replaced)"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	// An index whose pack is gone is passed over, as git does.
	if err := os.WriteFile(idxs[0], good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(pack); err != nil {
		t.Fatal(err)
	}
	if packs, err := openPacks([]string{filepath.Join(gitDir, "objects")}); len(packs) != 0 || err != nil {
		t.Fatalf("index without its pack: %d packs, %v", len(packs), err)
	}
}
