//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package history

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coach-dev/coach/internal/gittest"
)

// The findings of issue 21 about the history cache, one test each.

// trustRepo is a coaching repository with one person, whose second commit
// adds evidence with text.
func trustRepo(t *testing.T, g *gittest.Env, text string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "team")
	g.Run(filepath.Dir(dir), "init", "-q", "-b", "main", dir)
	g.Commit(dir, "Add Alice", "coach.toml", "", "skills/alice.toml", alice(2))
	g.Commit(dir, "Evidence", "skills/alice.toml", alice(3)+"\n[[evidence]]\ndate = 2026-05-01\nskill = \"communication\"\ntext = \""+text+"\"\n")
	return dir
}

// warmWarning reads dir twice through the cache (the first run builds it)
// after prepare has done its worst to the cache file, and returns the
// warnings of the run after prepare.
func afterCache(t *testing.T, dir string, prepare func(path string)) *Result {
	t.Helper()
	readHistory(t, dir, Options{})
	path := cachePath(filepath.Join(dir, ".git"))
	prepare(path)
	done := make(chan *Result, 1)
	go func() { done <- readHistory(t, dir, Options{}) }()
	select {
	case res := <-done:
		return res
	case <-time.After(20 * time.Second):
		t.Fatal("reading the history hangs")
		return nil
	}
}

func wantCacheWarning(t *testing.T, res *Result, path, why string) {
	t.Helper()
	want := "ignored the history cache " + path + ", which is " + why + "; rebuilding it"
	for _, w := range res.Warnings {
		if w == want {
			return
		}
	}
	t.Errorf("warnings %q, want %q", res.Warnings, want)
}

// A forged cache with a valid checksum is trusted: coach trusts only a
// cache it could have written itself, owned by the user and writable by no
// one else, and writes it so.
func TestForgedCacheIsRefused(t *testing.T) {
	g := gittest.New(t)
	dir := trustRepo(t, g, "Led the review")
	want := readHistory(t, dir, Options{NoCache: true})
	readHistory(t, dir, Options{})
	path := cachePath(filepath.Join(dir, ".git"))
	for _, p := range []struct {
		name string
		perm os.FileMode
	}{{path, 0o600}, {filepath.Dir(path), 0o700}} {
		fi, err := os.Stat(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != p.perm {
			t.Errorf("%s has mode %04o, want %04o", p.name, fi.Mode().Perm(), p.perm)
		}
	}

	res := afterCache(t, dir, func(path string) {
		if err := os.Chmod(path, 0o666); err != nil {
			t.Fatal(err)
		}
	})
	wantCacheWarning(t, res, path, "writable by other users (mode 0666), so coach cannot tell who wrote it")
	if changesOf(t, res) != changesOf(t, want) {
		t.Error("the history read past a refused cache differs from a cold one")
	}

	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Log("only root can give a file to another user: ownership not tested")
		return
	}
	res = afterCache(t, dir, func(path string) {
		if err := os.Chown(path, 4242, 4242); err != nil {
			t.Fatal(err)
		}
	})
	wantCacheWarning(t, res, path, "owned by another user (uid 4242), so coach cannot tell who wrote it")
	if changesOf(t, res) != changesOf(t, want) {
		t.Error("the history read past a refused cache differs from a cold one")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); int(st.Uid) != os.Geteuid() {
		t.Errorf("the cache rebuilt is owned by uid %d", st.Uid)
	}
}

// Text purged from git survives in .git/coach: once history is rewritten
// or a branch deleted, the cache is written again without the commits
// nothing reaches, and without their text.
func TestPurgedTextLeavesCache(t *testing.T) {
	g := gittest.New(t)
	secret := "Salary is 123456"
	dir := trustRepo(t, g, secret)
	path := cachePath(filepath.Join(dir, ".git"))
	holds := func() bool {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.Contains(data, []byte(secret))
	}
	readHistory(t, dir, Options{})
	if !holds() {
		t.Fatal("the cache never held the text: the test tests nothing")
	}
	// The commit is made again without the text.
	g.Run(dir, "reset", "-q", "--hard", "HEAD~1")
	g.Commit(dir, "Evidence", "skills/alice.toml", alice(3)+"\n[[evidence]]\ndate = 2026-05-01\nskill = \"communication\"\ntext = \"Led the review\"\n")
	if got := g.Run(dir, "log", "--format=%s"); got != "Evidence\nAdd Alice" {
		t.Fatalf("log after the rewrite: %q", got)
	}
	readHistory(t, dir, Options{})
	if holds() {
		t.Error("the cache still holds the text once history was rewritten")
	}

	// A branch that held the text, read, then deleted: nothing is walked,
	// and the cache is written again all the same.
	g.Run(dir, "checkout", "-q", "-b", "draft")
	g.Commit(dir, "Draft", "skills/alice.toml", alice(4)+"\n[[evidence]]\ndate = 2026-05-02\nskill = \"communication\"\ntext = \""+secret+"\"\n")
	readHistory(t, dir, Options{})
	if !holds() {
		t.Fatal("the cache never held the branch's text: the test tests nothing")
	}
	g.Run(dir, "checkout", "-q", "main")
	g.Run(dir, "branch", "-q", "-D", "draft")
	readHistory(t, dir, Options{})
	if holds() {
		t.Error("the cache still holds the text of a deleted branch")
	}
	// What is left is a good cache: the next run reads it, and agrees.
	want := readHistory(t, dir, Options{NoCache: true})
	if got := readHistory(t, dir, Options{}); changesOf(t, got) != changesOf(t, want) {
		t.Error("the cache written again differs from a cold read")
	}
}

// A cache linked to /dev/zero crashes: a link is refused unread.
func TestCacheLinkedToDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	g := gittest.New(t)
	dir := trustRepo(t, g, "Led the review")
	res := afterCache(t, dir, func(path string) {
		os.Remove(path)
		if err := os.Symlink("/dev/zero", path); err != nil {
			t.Fatal(err)
		}
	})
	wantCacheWarning(t, res, cachePath(filepath.Join(dir, ".git")), "a symbolic link, not a file coach wrote")
	if fi, err := os.Lstat(cachePath(filepath.Join(dir, ".git"))); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the link was not replaced by a cache: %v", err)
	}
}

// A cache that is a named pipe hangs: it is refused without being opened
// for a read that waits for a writer.
func TestCacheNamedPipe(t *testing.T) {
	g := gittest.New(t)
	dir := trustRepo(t, g, "Led the review")
	res := afterCache(t, dir, func(path string) {
		os.Remove(path)
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Fatal(err)
		}
	})
	wantCacheWarning(t, res, cachePath(filepath.Join(dir, ".git")), "a named pipe, not a file coach wrote")
}

// A cache over coach's limit is not read.
func TestCacheOverLimit(t *testing.T) {
	if err := cacheFileMode(fakeInfo{size: maxCacheSize + 1}); err == nil || !strings.Contains(err.Error(), "over coach's limit of 1024 MiB") {
		t.Errorf("cacheFileMode = %v", err)
	}
}

type fakeInfo struct {
	os.FileInfo
	size int64
}

func (f fakeInfo) Size() int64       { return f.size }
func (f fakeInfo) Mode() os.FileMode { return 0o600 }

// A repository without coach.toml gets a .git/coach cache: coach run in a
// git repository that is not a coaching one leaves nothing in it.
func TestNoCacheWithoutCoachToml(t *testing.T) {
	g := gittest.New(t)
	dir := filepath.Join(t.TempDir(), "code")
	g.Run(filepath.Dir(dir), "init", "-q", "-b", "main", dir)
	g.Commit(dir, "Add Alice", "skills/alice.toml", alice(2))
	g.Commit(dir, "Raise Alice", "skills/alice.toml", alice(3))
	res := readHistory(t, dir, Options{})
	if len(res.Changes) == 0 {
		t.Fatal("no history read: the test tests nothing")
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "coach")); !os.IsNotExist(err) {
		t.Errorf(".git/coach exists in a repository without coach.toml (%v)", err)
	}
}

// alice is a skill file with her communication at level comm.
func alice(comm int) string {
	return fmt.Sprintf("name = \"Alice\"\nrole = \"pm\"\n\n[levels]\ncommunication = %d\n", comm)
}

// changesOf is the changes of a result as coach prints them.
func changesOf(t *testing.T, res *Result) string {
	t.Helper()
	return jsonOf(t, &Result{Changes: res.Changes})
}

// A cache whose checksum matches whatever its content never crashes a run,
// nor fails it: every byte of it, changed and checksummed again, is read
// (for everyone and for one person) in a repository whose deleted branch
// makes the run write the cache again, with another branch's commits that
// the run does not read.
func TestMutatedCacheNeverPanics(t *testing.T) {
	g := gittest.New(t)
	dir := trustRepo(t, g, "Led the review")
	// A branch the cache keeps, though the revision read does not reach it.
	g.Run(dir, "checkout", "-q", "-b", "other")
	g.Commit(dir, "Other", "skills/alice.toml", alice(5), "skills/bo.toml", alice(1))
	readHistory(t, dir, Options{})
	g.Run(dir, "checkout", "-q", "main")
	g.Run(dir, "checkout", "-q", "-b", "draft")
	g.Commit(dir, "Draft", "skills/alice.toml", alice(4))
	g.Run(dir, "mv", "skills/alice.toml", "skills/alice-smith.toml")
	g.Commit(dir, "Rename")
	readHistory(t, dir, Options{})
	g.Run(dir, "checkout", "-q", "main")
	g.Run(dir, "branch", "-q", "-D", "draft")
	path := cachePath(filepath.Join(dir, ".git"))
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	step := max(1, len(good)/150)
	for i := len(cacheMagic); i < len(good)-4; i += step {
		bad := bytes.Clone(good)
		bad[i] ^= 0x5a
		body := bad[:len(bad)-4]
		bad = binary.LittleEndian.AppendUint32(body, crc32.Checksum(body, crcTable))
		for _, opts := range []Options{{}, {Person: "alice"}} {
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := Read(dir, opts); err != nil {
				t.Errorf("byte %d changed: %v", i, err)
			}
		}
	}
}

// What an annotated tag reaches stays in the cache, though no branch does.
func TestCacheKeepsTaggedCommits(t *testing.T) {
	g := gittest.New(t)
	dir := trustRepo(t, g, "Led the review")
	g.Run(dir, "checkout", "-q", "-b", "draft")
	g.Commit(dir, "Draft", "skills/alice.toml", alice(4)+"\n[[evidence]]\ndate = 2026-05-02\nskill = \"communication\"\ntext = \"Kept by a tag\"\n")
	readHistory(t, dir, Options{})
	g.Run(dir, "tag", "-a", "-m", "Kept", "kept")
	g.Run(dir, "tag", "-a", "-m", "Kept again", "kept-again", "kept")
	g.Run(dir, "checkout", "-q", "main")
	g.Run(dir, "branch", "-q", "-D", "draft")
	g.Run(dir, "tag", "-d", "kept")
	readHistory(t, dir, Options{})
	data, err := os.ReadFile(cachePath(filepath.Join(dir, ".git")))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("Kept by a tag")) {
		t.Error("the cache dropped the commits of a tag of a tag")
	}
}
