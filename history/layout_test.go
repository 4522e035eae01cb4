package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/internal/gittest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// layoutRepo builds a small packed repository with renames and merges, and
// one more commit whose objects are loose.
func layoutRepo(t *testing.T, g *gittest.Env) (dir string, want *Result) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "team")
	if err := synth.Build(dir, synth.Options{People: 8, Commits: 80, MergeEvery: 10, RenameEvery: 13, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	g.Run(dir, "checkout", "-q", "-f")
	g.Commit(dir, "Add Zoe", "skills/zoe.toml", "name = \"Zoe\"\nrole = \"pm\"\n\n[levels]\ncommunication = 2\n")
	want = readHistory(t, dir, Options{NoCache: true})
	if len(want.Changes) < 50 {
		t.Fatalf("only %d changes: the repository is too small to test", len(want.Changes))
	}
	return dir, want
}

func readHistory(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	res, err := Read(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sameHistory reads dir cold, then twice through the cache, and compares
// each with want.
func sameHistory(t *testing.T, dir string, want *Result) {
	t.Helper()
	for _, opts := range []Options{{NoCache: true}, {}, {}} {
		got := readHistory(t, dir, opts)
		if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Result{})); diff != "" {
			t.Fatalf("history (cache %v) differs from the plain clone's (-want +got):\n%s", !opts.NoCache, diff)
		}
	}
}

// A clone that borrows its objects from another repository (git clone
// --shared, --reference; an alternates file with a relative path; alternates
// of alternates) reads the same history as the repository it borrows from.
func TestAlternates(t *testing.T) {
	g := gittest.New(t)
	src, want := layoutRepo(t, g)
	base := t.TempDir()
	shared := filepath.Join(base, "shared")
	g.Run(base, "clone", "-q", "--shared", src, shared)
	ref := filepath.Join(base, "ref")
	g.Run(base, "clone", "-q", "--reference", src, "file://"+src, ref)
	relative := filepath.Join(base, "relative")
	g.Run(base, "clone", "-q", "--shared", src, relative)
	rel, err := filepath.Rel(filepath.Join(relative, ".git", "objects"), filepath.Join(src, ".git", "objects"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(relative, ".git", "objects", "info", "alternates"), []byte("# borrowed\n"+rel+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	nested := filepath.Join(base, "nested")
	g.Run(base, "clone", "-q", "--shared", shared, nested)
	for _, dir := range []string{shared, ref, relative, nested} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if n := g.Run(dir, "count-objects"); !strings.HasPrefix(n, "0 objects") {
				t.Fatalf("the clone has objects of its own (%s): it tests nothing", n)
			}
			sameHistory(t, dir, want)
		})
	}
	// An alternate that is gone is one error naming it, and nothing is cached.
	gone := filepath.Join(base, "gone")
	g.Run(base, "clone", "-q", "--shared", shared, gone)
	if err := os.RemoveAll(filepath.Join(shared, ".git", "objects")); err != nil {
		t.Fatal(err)
	}
	_, err = Read(gone, Options{})
	wantErr := "damaged repository: " + filepath.Join(gone, ".git", "objects", "info", "alternates") + " names the object directory " +
		filepath.Join(shared, ".git", "objects") + ", which does not exist; restore it, or copy its objects in with `git repack -a -d` before it goes and remove the line"
	if err == nil || err.Error() != wantErr || !errors.Is(err, ErrDamaged) {
		t.Fatalf("got %v, want %s", err, wantErr)
	}
	noCache(t, gone)
}

func noCache(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, ".git", "coach")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a run that failed left .git/coach behind (%v)", err)
	}
}

// A partial clone that has not fetched old versions of the skill files fails
// with one error that names the file and the object and says how to fetch
// it; nothing is cached; once fetched, the history is the full clone's.
func TestPartialClone(t *testing.T) {
	g := gittest.New(t)
	src, _ := layoutRepo(t, g)
	g.Commit(src, "Add a matrix", "matrix.toml", "# the first matrix\n")
	g.Commit(src, "Change the matrix", "matrix.toml", "# the second matrix\n")
	want := readHistory(t, src, Options{NoCache: true})
	g.Run(src, "config", "uploadpack.allowFilter", "true")
	dir := filepath.Join(t.TempDir(), "partial")
	g.Run(filepath.Dir(dir), "clone", "-q", "--filter=blob:none", "file://"+src, dir)
	for _, workers := range []int{1, 4} {
		_, err := Read(dir, Options{Workers: workers})
		var oe *ObjectError
		if !errors.As(err, &oe) || !errors.Is(err, ErrDamaged) {
			t.Fatalf("got %v, want an ObjectError", err)
		}
		if !regexp.MustCompile(`^commit [0-9a-f]{7}: skills/[a-z0-9-]+\.toml \(object [0-9a-f]{40}\) is not in this partial clone$`).MatchString(err.Error()) {
			t.Fatalf("error %q", err)
		}
		if hint := "coach reads only the objects a partial clone has fetched; fetch them all with `git config --unset remote.origin.partialclonefilter && git fetch --refetch origin` (git 2.36 or later), then run coach again"; oe.Hint() != hint {
			t.Fatalf("hint %q", oe.Hint())
		}
		noCache(t, dir)
	}
	// Older git marks a partial clone with extensions.partialClone, which
	// go-git refuses; it is the same partial clone.
	g.Run(dir, "config", "core.repositoryformatversion", "1")
	g.Run(dir, "config", "extensions.partialClone", "origin")
	g.Run(dir, "config", "extensions.worktreeConfig", "true")
	if _, err := Read(dir, Options{}); !errors.As(err, new(*ObjectError)) || !strings.HasSuffix(err.Error(), "is not in this partial clone") {
		t.Fatalf("with extensions.partialClone: %v", err)
	}
	// So is reading the files of an old revision, for coach diff.
	root := g.Run(dir, "rev-list", "--max-parents=0", "HEAD")
	_, err := filesAt(dir, root)
	var oe *ObjectError
	if !errors.As(err, &oe) || !regexp.MustCompile(`^skills/[a-z0-9-]+\.toml at `+root+` \(object [0-9a-f]{40}\) is not in this partial clone$`).MatchString(err.Error()) {
		t.Fatalf("FilesAt: %v", err)
	}
	// go-git's Tree.File takes a blob it cannot read for a file that is not
	// there: the matrix of HEAD~1 must not read as the built-in one.
	if _, err := filesAt(dir, "HEAD~1"); !errors.As(err, &oe) || !regexp.MustCompile(`^matrix\.toml at HEAD~1 \(object [0-9a-f]{40}\) is not in this partial clone$`).MatchString(err.Error()) {
		t.Fatalf("FilesAt: %v", err)
	}
	if usage, _ := g.Try(dir, "fetch", "-h"); !strings.Contains(usage, "--refetch") {
		t.Skip("git has no fetch --refetch")
	}
	g.Run(dir, "config", "--unset", "remote.origin.partialclonefilter")
	g.Run(dir, "fetch", "-q", "--refetch", "origin")
	sameHistory(t, dir, want)
}

// A commit missing from the repository leaves a note, and the commits after
// it are not cached as they read then: once the commit is back, a warm run
// gives what a cold one does.
func TestMissingCommitIsNotCached(t *testing.T) {
	g := gittest.New(t)
	src, want := layoutRepo(t, g)
	dir := filepath.Join(t.TempDir(), "damaged")
	g.Run(filepath.Dir(dir), "clone", "-q", "--no-local", src, dir)
	missing := g.Run(dir, "rev-parse", "HEAD~3")
	var keep []string
	for _, h := range strings.Fields(g.Run(src, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)")) {
		if h != missing {
			keep = append(keep, h)
		}
	}
	old, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*"))
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	packTo := filepath.Join(dir, ".git", "objects", "pack", "pack")
	g.Stdin(src, strings.Join(keep, "\n")+"\n", "pack-objects", "-q", packTo)
	res := readHistory(t, dir, Options{})
	if wantNote := "commit " + missing[:7] + " is missing from the repository, so the history before it is incomplete; `git fsck` tells what else is missing"; !slices.Contains(res.Notes, wantNote) {
		t.Fatalf("notes %q, want %q", res.Notes, wantNote)
	}
	g.Stdin(src, missing+"\n", "pack-objects", "-q", packTo)
	sameHistory(t, dir, want)
}

// A linked work tree, a submodule holding the coaching repository, and a
// repository with a multi-pack-index and a commit-graph read the same
// history as a plain clone.
func TestLayouts(t *testing.T) {
	g := gittest.New(t)
	src, want := layoutRepo(t, g)
	base := t.TempDir()

	worktree := filepath.Join(base, "worktree")
	g.Run(src, "worktree", "add", "-q", worktree)
	t.Run("worktree", func(t *testing.T) { sameHistory(t, worktree, want) })

	super := filepath.Join(base, "super")
	g.Run(base, "init", "-q", "-b", "main", super)
	g.Run(super, "-c", "protocol.file.allow=always", "submodule", "add", "-q", src, "coaching")
	t.Run("submodule", func(t *testing.T) {
		if fi, err := os.Stat(filepath.Join(super, "coaching", ".git")); err != nil || fi.IsDir() {
			t.Fatalf("the submodule's .git is not a file (%v): it tests nothing", err)
		}
		sameHistory(t, filepath.Join(super, "coaching"), want)
	})

	indexed := filepath.Join(base, "indexed")
	g.Run(base, "clone", "-q", "--no-local", src, indexed)
	g.Commit(indexed, "Add Yann", "skills/yann.toml", "name = \"Yann\"\nrole = \"pm\"\n")
	g.Run(indexed, "reset", "-q", "--hard", "HEAD~1")
	g.Run(indexed, "repack", "-dq", "--write-midx")
	g.Run(indexed, "commit-graph", "write", "--reachable")
	midx := filepath.Join(indexed, ".git", "objects", "pack", "multi-pack-index")
	graph := filepath.Join(indexed, ".git", "objects", "info", "commit-graph")
	t.Run("multi-pack-index and commit-graph", func(t *testing.T) {
		for _, f := range []string{midx, graph} {
			if _, err := os.Stat(f); err != nil {
				t.Fatalf("%v: it tests nothing", err)
			}
		}
		if packs, _ := filepath.Glob(filepath.Join(indexed, ".git", "objects", "pack", "*.pack")); len(packs) < 2 {
			t.Fatalf("%d packs: the multi-pack-index indexes one", len(packs))
		}
		sameHistory(t, indexed, want)
	})

	// coach reads neither the multi-pack-index nor the commit-graph (every
	// pack keeps its own index; commits are read as objects), so damage to
	// them changes nothing. A damaged pack index is an error naming it.
	t.Run("damaged index files", func(t *testing.T) {
		for _, f := range []string{midx, graph} {
			cut(t, f)
		}
		sameHistory(t, indexed, want)
		if err := os.RemoveAll(filepath.Join(indexed, ".git", "coach")); err != nil {
			t.Fatal(err)
		}
		idxs, _ := filepath.Glob(filepath.Join(indexed, ".git", "objects", "pack", "*.idx"))
		// The largest: half of it is still longer than an index's header.
		slices.SortFunc(idxs, func(a, b string) int { return int(fileSize(t, b) - fileSize(t, a)) })
		cut(t, idxs[0])
		_, err := Read(indexed, Options{})
		if want := "damaged repository: " + idxs[0] + ": the index does not match its checksum"; err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
		noCache(t, indexed)
	})
}

func fileSize(t *testing.T, name string) int64 {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// cut halves a file.
func cut(t *testing.T, name string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
}

// A coaching folder moved inside a larger repository (git mv team coaching)
// keeps its history: the commits before the move are read at the old path.
func TestMovedFolder(t *testing.T) {
	g := gittest.New(t)
	dir := t.TempDir()
	g.Run(dir, "init", "-q", "-b", "main")
	alice := func(comm int) string {
		return fmt.Sprintf("name = \"Alice\"\nrole = \"pm\"\n\n[levels]\ncommunication = %d\n", comm)
	}
	g.Commit(dir, "Start the product", "README.md", "# Product\n", "app/main.go", "package main\n")
	g.Commit(dir, "Add the coaching folder", "team/coach.toml", "", "team/skills/alice.toml", alice(2),
		"team/skills/ben.toml", "name = \"Ben\"\nrole = \"apm\"\n")
	g.Commit(dir, "Alice: communication 3", "team/skills/alice.toml", alice(3), "app/main.go", "package main // v2\n")
	g.Run(dir, "mv", "team/skills/ben.toml", "team/skills/ben-okafor.toml")
	g.Commit(dir, "Rename Ben")
	want := readHistory(t, filepath.Join(dir, "team"), Options{NoCache: true})
	if len(want.Changes) < 4 {
		t.Fatalf("%d changes", len(want.Changes))
	}

	g.Run(dir, "mv", "team", "coaching")
	g.Commit(dir, "Move the coaching folder")
	for _, opts := range []Options{{NoCache: true}, {}, {}} {
		got := readHistory(t, filepath.Join(dir, "coaching"), opts)
		if diff := cmp.Diff(want.Changes, got.Changes); diff != "" {
			t.Fatalf("after git mv team coaching (-before +after):\n%s", diff)
		}
	}

	// Moved deeper, with an edit in the same commit.
	if err := os.MkdirAll(filepath.Join(dir, "org", "people"), 0o755); err != nil {
		t.Fatal(err)
	}
	g.Run(dir, "mv", "coaching", "org/people/coaching")
	g.Commit(dir, "Move it again, and Alice: communication 4", "org/people/coaching/skills/alice.toml", alice(4))
	for _, opts := range []Options{{NoCache: true}, {}} {
		got := readHistory(t, filepath.Join(dir, "org", "people", "coaching"), opts)
		if len(got.Changes) != len(want.Changes)+1 {
			t.Fatalf("%d changes, want %d", len(got.Changes), len(want.Changes)+1)
		}
		if c := got.Changes[0]; c.Subject != "Move it again, and Alice: communication 4" || c.Skill != "communication" || c.From != "3" || c.To != "4" {
			t.Fatalf("the move's change: %+v", c)
		}
		if diff := cmp.Diff(want.Changes, got.Changes[1:]); diff != "" {
			t.Fatalf("after the second move (-before +after):\n%s", diff)
		}
	}
}

// A loose object that does not inflate is a read error naming it, not a
// version that does not parse; nothing is cached.
func TestDamagedLooseObject(t *testing.T) {
	g := gittest.New(t)
	dir, _ := layoutRepo(t, g)
	blob := g.Run(dir, "rev-parse", "HEAD:skills/zoe.toml")
	name := filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])
	if err := os.Chmod(name, 0o644); err != nil {
		t.Fatalf("the blob is not loose (%v): it tests nothing", err)
	}
	if err := os.WriteFile(name, []byte("not zlib at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(dir, Options{})
	want := "commit " + g.Run(dir, "rev-parse", "--short=7", "HEAD") + ": damaged repository: read object " + blob + ": "
	if !errors.Is(err, ErrDamaged) || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want %s...", err, want)
	}
	noCache(t, dir)
}

// filesAt reads the skill files of revision rev of the repository holding
// root, as the workspace once did.
func filesAt(root, rev string) (*Snapshot, error) {
	s, err := OpenSnapshots(root)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.At(rev)
}
