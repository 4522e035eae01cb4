package history

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/internal/gittest"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// jsonOf is a result as coach prints it: byte for byte, zones included.
func jsonOf(t *testing.T, res *Result) string {
	t.Helper()
	b, err := json.MarshalIndent(res.Changes, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + strings.Join(res.Warnings, "\n") + strings.Join(res.Notes, "\n")
}

func readJSON(t *testing.T, dir string, opts Options) (string, *Result) {
	t.Helper()
	res, err := Read(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return jsonOf(t, res), res
}

// TestCacheMatchesNoCache checks the cache against the plain walk: after
// building it, after new commits on top, on another branch that shares only
// part of the history, and when the file is damaged or foreign.
func TestCacheMatchesNoCache(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 15, Commits: 200, MergeEvery: 10, RenameEvery: 13, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	writeConfig(t, dir) // only a coaching repository gets a cache
	check := func(what string, wantWarning string) {
		t.Helper()
		cold, _ := readJSON(t, dir, Options{NoCache: true})
		warm, res := readJSON(t, dir, Options{})
		if wantWarning != "" {
			if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[len(res.Warnings)-1], wantWarning) {
				t.Errorf("%s: warnings %q, want one about %q", what, res.Warnings, wantWarning)
			}
			warm, _ = readJSON(t, dir, Options{}) // rebuilt
		}
		if diff := cmp.Diff(cold, warm); diff != "" {
			t.Errorf("%s: cache differs from no cache (-cold +warm):\n%s", what, diff)
		}
		again, _ := readJSON(t, dir, Options{})
		if again != cold {
			t.Errorf("%s: a second warm run differs", what)
		}
	}
	check("building", "")
	if _, err := os.Stat(cachePath(filepath.Join(dir, ".git"))); err != nil {
		t.Fatalf("no cache written: %v", err)
	}

	// New commits on top, one of them a rename: the old changes get the new id.
	gittest.Git(t, dir, "mv", "skills/p0001.toml", "skills/p0001-new.toml")
	gittest.Git(t, dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "Rename p0001")
	check("new commits", "")

	// Another branch from the middle of the history.
	gittest.Git(t, dir, "checkout", "-qb", "other", "main~120")
	os.WriteFile(filepath.Join(dir, "skills", "zed.toml"), []byte("name = \"Zed\"\nrole = \"pm\"\n\n[levels]\nhiring = 2\n"), 0o644)
	gittest.Git(t, dir, "add", "skills")
	gittest.Git(t, dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "Add Zed")
	check("another branch", "")
	gittest.Git(t, dir, "checkout", "-q", "main")
	check("back on main", "")

	path := cachePath(filepath.Join(dir, ".git"))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(data)
	damaged[len(damaged)/2] ^= 0x40
	os.WriteFile(path, damaged, 0o644)
	check("damaged", "checksum")
	os.WriteFile(path, data[:len(data)/3], 0o644)
	check("cut short", "checksum")

	// A cache written by another build is not read.
	other := encodeCacheData(cacheKey{Version: "2 v0.0.1", ObjectFormat: "sha1", SkillsPath: "skills"}, nil, nil, nil, nil, nil)
	os.WriteFile(path, other, 0o644)
	check("foreign", "another build")
}

// TestCacheRoundTrip checks that what the cache keeps is what was walked.
func TestCacheRoundTrip(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 8, Commits: 60, MergeEvery: 7, RenameEvery: 11, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	w, repo, err := openAt(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.repo, w.workers, w.seen = repo, 2, map[plumbing.Hash]struct{}{}
	defer w.obj.Close()
	head, err := resolve(w, repo, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.walk(head, nil); err != nil {
		t.Fatal(err)
	}
	key := currentKey(w.skillsPath)
	c, err := decodeCache(encodeCacheData(key, nil, w.graph, w.changed, w.boundary, []plumbing.Hash{head}), key)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.hashes) != len(w.graph) || len(c.commits) != len(w.changed) {
		t.Fatalf("cache holds %d commits and %d records, want %d and %d", len(c.hashes), len(c.commits), len(w.graph), len(w.changed))
	}
	seen, n := c.reach([]plumbing.Hash{head})
	if n != len(w.graph) || !c.valid() {
		t.Errorf("reach: %d commits; want %d", n, len(w.graph))
	}
	for _, b := range seen {
		if !b {
			t.Fatal("a commit of the cache is not reached")
		}
	}
}

// TestPersonMatchesAll checks Options.Person against the whole history,
// filtered.
func TestPersonMatchesAll(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 10, Commits: 150, MergeEvery: 10, RenameEvery: 7, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{NoCache: true}, {}} {
		all, err := Read(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range People(all.Changes) {
			o := opts
			o.Person = id
			one, err := Read(dir, o)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(ForPerson(all.Changes, id), ForPerson(one.Changes, id)); diff != "" {
				t.Errorf("%s (cache %v): -all +person:\n%s", id, !opts.NoCache, diff)
			}
		}
	}
}

// TestStreamMatchesChanges checks Options.Stream: All yields Changes, byte
// for byte, for everyone and for one person, cold and warm.
func TestStreamMatchesChanges(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 10, Commits: 150, MergeEvery: 10, RenameEvery: 7, Seed: 6}); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{NoCache: true}, {}, {Person: "p0002"}, {NoCache: true, Person: "p0002"}} {
		want, err := Read(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Stream = true
		got, err := Read(dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		if got.Changes != nil {
			t.Fatalf("%+v: a streamed result holds %d changes", opts, len(got.Changes))
		}
		if diff := cmp.Diff(want.Changes, slices.Collect(got.All())); diff != "" {
			t.Errorf("%+v: streamed changes differ (-changes +all):\n%s", opts, diff)
		}
		if diff := cmp.Diff(ByPerson(want.Changes), got.ByPerson()); diff != "" {
			t.Errorf("%+v: streamed changes by person differ:\n%s", opts, diff)
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Result{}), cmpopts.IgnoreFields(Result{}, "Changes")); diff != "" {
			t.Errorf("%+v: streamed result differs:\n%s", opts, diff)
		}
		if n := len(want.Changes); n > 3 {
			var first []skills.Change
			for c := range got.All() {
				if first = append(first, c); len(first) == 3 {
					break
				}
			}
			if diff := cmp.Diff(want.Changes[:3], first); diff != "" {
				t.Errorf("%+v: the first three streamed changes differ:\n%s", opts, diff)
			}
		}
	}
}

// encodeCacheData is encodeCache's file.
func encodeCacheData(key cacheKey, old *cacheFile, graph []graphCommit, fresh []recordRef, boundary []*commit, roots []plumbing.Hash) []byte {
	data, _ := encodeCache(key, old, graph, fresh, boundary, roots)
	return data
}

// writeConfig makes dir a coaching repository: only one gets a cache.
func writeConfig(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, skills.ConfigFile), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}
