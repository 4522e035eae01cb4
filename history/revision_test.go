package history

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/gittest"
)

// Every revision of the forms coach reads resolves to the commit git
// resolves it to, or fails with an error that names it where git fails too;
// the forms coach does not read fail with an error that says what to give
// instead.
func TestRevisionsMatchGit(t *testing.T) {
	g := gittest.New(t)
	dir := t.TempDir()
	g.Run(dir, "init", "-q", "-b", "main")
	g.Commit(dir, "Add Alice", "skills/alice.toml", "name = \"Alice\"\n")
	g.Commit(dir, "Alice: communication 2 -> 3", "skills/alice.toml", "name = \"Alice\"\n[levels]\ncommunication = 3\n")
	g.Run(dir, "tag", "v1")
	g.Run(dir, "tag", "-a", "-m", "Release 1.0", "v1.0")
	g.Run(dir, "tag", "-a", "-m", "A tag of a tag", "v1.0-signed", "v1.0")
	g.Run(dir, "tag", "tree-tag", "HEAD^{tree}")
	g.Run(dir, "checkout", "-q", "-b", "team/ben")
	g.Commit(dir, "Add Ben", "skills/ben.toml", "name = \"Ben\"\n")
	g.Commit(dir, "Ben: hiring 1 -> 2", "skills/ben.toml", "name = \"Ben\"\n[levels]\nhiring = 2\n")
	g.Run(dir, "checkout", "-q", "main")
	g.Run(dir, "checkout", "-q", "-b", "chloe")
	g.Commit(dir, "Add Chloe", "skills/chloe.toml", "name = \"Chloe\"\n")
	g.Run(dir, "checkout", "-q", "main")
	g.Commit(dir, "Alice: feedback 2", "skills/alice.toml", "name = \"Alice\"\n[levels]\ncommunication = 3\nfeedback = 2\n")
	g.Run(dir, "merge", "-q", "--no-ff", "-m", "Merge Ben and Chloe", "team/ben", "chloe")
	g.Commit(dir, "Fix a typo", "skills/alice.toml", "name = \"Alice Example\"\n[levels]\ncommunication = 3\nfeedback = 2\n")
	// A branch that is also a tag's name: git takes the tag.
	g.Run(dir, "branch", "v1", "HEAD~1")
	// A reset and a detached checkout make reflog entries.
	g.Run(dir, "reset", "-q", "--hard", "HEAD~1")
	g.Run(dir, "reset", "-q", "--hard", "HEAD@{1}")
	g.Run(dir, "checkout", "-q", "--detach", "HEAD~1")
	g.Run(dir, "checkout", "-q", "team/ben")
	g.Run(dir, "checkout", "-q", "main")
	// An upstream, through a clone.
	clone := filepath.Join(t.TempDir(), "clone")
	g.Run(dir, "clone", "-q", dir, clone)
	g.Commit(clone, "Local change", "skills/dan.toml", "name = \"Dan\"\n")
	g.Run(clone, "branch", "-q", "--track", "local-track", "main")

	// A linked work tree keeps its own HEAD and reflog of HEAD.
	wt := filepath.Join(t.TempDir(), "wt")
	g.Run(dir, "worktree", "add", "-q", "-b", "wt-branch", wt, "main~1")
	g.Commit(wt, "Work tree change", "skills/eve.toml", "name = \"Eve\"\n")
	g.Run(wt, "reset", "-q", "--hard", "HEAD~1")
	g.Run(wt, "reset", "-q", "--hard", "HEAD@{1}")
	g.Run(wt, "checkout", "-q", "--detach")
	g.Run(wt, "checkout", "-q", "wt-branch")
	// The forms coach does not read are refused with the command that
	// turns them into a commit.
	refused := func(rev, what string) string {
		return fmt.Sprintf("unknown revision %q: coach does not read %s; give the commit git finds instead: $(git rev-parse '%s')", rev, what, rev)
	}
	head := g.Run(dir, "rev-parse", "HEAD")
	blob := g.Run(dir, "rev-parse", "HEAD:skills/alice.toml")
	for _, tc := range []struct {
		dir, rev string
		err      string // the error coach gives where git gives none
	}{
		{dir: dir, rev: head},
		{dir: dir, rev: head[:7]},
		{dir: dir, rev: head[:4]},
		{dir: dir, rev: head[:4] + "~1"},
		{dir: dir, rev: strings.ToUpper(head[:9])},
		{dir: dir, rev: head[:3]},
		{dir: dir, rev: blob},
		{dir: dir, rev: blob[:8]},
		{dir: dir, rev: ""},
		{dir: dir, rev: "HEAD"},
		{dir: dir, rev: "@"},
		{dir: dir, rev: "main"},
		{dir: dir, rev: "refs/heads/main"},
		{dir: dir, rev: "heads/main"},
		{dir: dir, rev: "team/ben"},
		{dir: dir, rev: "v1"},
		{dir: dir, rev: "heads/v1"},
		{dir: dir, rev: "v1.0"},
		{dir: dir, rev: "v1.0-signed"},
		{dir: dir, rev: "v1.0^{}"},
		{dir: dir, rev: "v1.0^{tag}", err: refused("v1.0^{tag}", "^{tag}")},
		{dir: dir, rev: "v1.0~1"},
		{dir: dir, rev: "tree-tag"},
		{dir: dir, rev: "HEAD^{tree}"},
		{dir: dir, rev: "HEAD:skills"},
		{dir: dir, rev: "HEAD:skills/alice.toml"},
		{dir: dir, rev: ":skills/alice.toml"},
		{dir: dir, rev: "HEAD^{commit}"},
		{dir: dir, rev: "HEAD~1^{commit}"},
		{dir: dir, rev: "HEAD^{object}"},
		{dir: dir, rev: "HEAD^{blob}"},
		{dir: dir, rev: "HEAD^{nonsense}"},
		{dir: dir, rev: "HEAD~"},
		{dir: dir, rev: "HEAD~0"},
		{dir: dir, rev: "HEAD^0"},
		{dir: dir, rev: "HEAD~1"},
		{dir: dir, rev: "HEAD~3"},
		{dir: dir, rev: "HEAD~4"},
		{dir: dir, rev: "HEAD~40"},
		{dir: dir, rev: "HEAD^"},
		{dir: dir, rev: "HEAD^^"},
		{dir: dir, rev: "HEAD~1^2"},
		{dir: dir, rev: "HEAD~1^3"},
		{dir: dir, rev: "HEAD~1^4"},
		{dir: dir, rev: "HEAD~1^2~1"},
		{dir: dir, rev: "HEAD~1^3^"},
		{dir: dir, rev: "HEAD~3^2"},
		{dir: dir, rev: "HEAD@{0}"},
		{dir: dir, rev: "HEAD@{1}"},
		{dir: dir, rev: "HEAD@{2}"},
		{dir: dir, rev: "HEAD@{3}"},
		{dir: dir, rev: "HEAD@{5}"},
		{dir: dir, rev: "HEAD@{12}"},
		{dir: dir, rev: "HEAD@{13}"},
		{dir: dir, rev: "HEAD@{14}"},
		{dir: dir, rev: "HEAD@{99}"},
		{dir: dir, rev: "HEAD@{2}~1"},
		{dir: dir, rev: "main@{0}"},
		{dir: dir, rev: "main@{1}"},
		{dir: dir, rev: "main@{3}"},
		{dir: dir, rev: "main@{4}"},
		{dir: dir, rev: "main@{5}"},
		{dir: dir, rev: "main@{6}"},
		{dir: dir, rev: "main@{7}"},
		{dir: dir, rev: "@{1}"},
		{dir: dir, rev: "@{0}"},
		{dir: dir, rev: "@{-1}", err: refused("@{-1}", "@{-N}, a branch checked out before")},
		{dir: dir, rev: "@{-2}", err: refused("@{-2}", "@{-N}, a branch checked out before")},
		{dir: dir, rev: "@{-3}", err: refused("@{-3}", "@{-N}, a branch checked out before")},
		{dir: dir, rev: "@{-9}"},
		{dir: dir, rev: "@{-1}~1", err: refused("@{-1}~1", "@{-N}, a branch checked out before")},
		{dir: dir, rev: "v1@{1}"},
		{dir: dir, rev: "team/ben@{1}"},
		{dir: dir, rev: "nobranch@{1}"},
		{dir: dir, rev: "main@{yesterday}", err: `unknown revision "main@{yesterday}": coach reads reflog entries by number (HEAD@{2}), not by date; give the commit git finds instead: $(git rev-parse 'main@{yesterday}')`},
		{dir: dir, rev: "main@{2026-06-01 10:05:00}", err: `unknown revision "main@{2026-06-01 10:05:00}": coach reads reflog entries by number (HEAD@{2}), not by date; give the commit git finds instead: $(git rev-parse 'main@{2026-06-01 10:05:00}')`},
		{dir: dir, rev: "HEAD^{/communication}", err: refused("HEAD^{/communication}", "a search of the commit messages")},
		{dir: dir, rev: "HEAD^{/^Add}", err: refused("HEAD^{/^Add}", "a search of the commit messages")},
		{dir: dir, rev: "HEAD^{/!-Fix}", err: refused("HEAD^{/!-Fix}", "a search of the commit messages")},
		{dir: dir, rev: "HEAD^{/nothing matches this}"},
		{dir: dir, rev: ":/Ben", err: refused(":/Ben", "a search of the commit messages")},
		{dir: dir, rev: ":/Chloe", err: refused(":/Chloe", "a search of the commit messages")},
		{dir: dir, rev: "nope"},
		{dir: dir, rev: "config"},
		{dir: dir, rev: "HEAD~1..HEAD"},
		{dir: dir, rev: "HEAD^@"},
		{dir: dir, rev: "HEAD^!"},
		{dir: dir, rev: "ORIG_HEAD"},
		{dir: dir, rev: "0000"},
		{dir: dir, rev: strings.Repeat("0", 40)},
		{dir: wt, rev: "HEAD"},
		{dir: wt, rev: "HEAD@{1}"},
		{dir: wt, rev: "HEAD@{3}"},
		{dir: wt, rev: "HEAD@{4}"},
		{dir: wt, rev: "@{1}"},
		{dir: wt, rev: "@{2}"},
		{dir: wt, rev: "@{-1}", err: refused("@{-1}", "@{-N}, a branch checked out before")},
		{dir: wt, rev: "wt-branch@{2}"},
		{dir: wt, rev: "main@{2}"},
		{dir: wt, rev: "main"},
		{dir: clone, rev: "origin/main"},
		{dir: clone, rev: "origin"},
		{dir: clone, rev: "@{u}", err: refused("@{u}", "@{upstream}")},
		{dir: clone, rev: "@{upstream}~1", err: refused("@{upstream}~1", "@{upstream}")},
		{dir: clone, rev: "main@{U}", err: refused("main@{U}", "@{upstream}")},
		{dir: clone, rev: "local-track@{u}", err: refused("local-track@{u}", "@{upstream}")},
		{dir: clone, rev: "origin/team/ben"},
		{dir: clone, rev: "origin/team/ben@{u}"},
		{dir: clone, rev: "main@{push}", err: refused("main@{push}", "@{push}")},
	} {
		name := tc.rev
		switch tc.dir {
		case clone:
			name = "clone " + name
		case wt:
			name = "worktree " + name
		}
		t.Run(name, func(t *testing.T) {
			w, repo, err := openAt(tc.dir)
			if err != nil {
				t.Fatal(err)
			}
			defer w.obj.Close()
			got, gotErr := resolve(w, repo, tc.rev)
			rev := tc.rev
			if rev == "" {
				rev = "HEAD"
			}
			want, gitErr := g.Try(tc.dir, "rev-parse", "--verify", "-q", "--end-of-options", rev)
			if gitErr == nil {
				want, gitErr = g.Try(tc.dir, "rev-parse", "--verify", "-q", want+"^{commit}")
			}
			switch {
			case tc.err != "":
				if gitErr != nil {
					t.Fatalf("git fails too (%v): no need for an error of coach's own", gitErr)
				}
				if gotErr == nil || gotErr.Error() != tc.err {
					t.Fatalf("got %v, %v; want the error %s", got, gotErr, tc.err)
				}
			case gitErr != nil:
				if gotErr == nil {
					t.Fatalf("git fails, coach gives %s", got)
				}
				if !errors.Is(gotErr, ErrRevision) && !errors.Is(gotErr, ErrNotFetched) {
					t.Fatalf("error %v is not an unknown revision", gotErr)
				}
				if !strings.Contains(gotErr.Error(), rev) {
					t.Fatalf("error %q does not name %s", gotErr, rev)
				}
			case gotErr != nil:
				t.Fatalf("git gives %s, coach fails: %v", want, gotErr)
			case got.String() != want:
				t.Fatalf("coach gives %s, git %s", got, want)
			}
		})
	}
}

// The command a refusal suggests is quoted for the shell, whatever the
// revision holds.
func TestRefusalQuotesForTheShell(t *testing.T) {
	want := `unknown revision "it's@{u}": coach does not read @{upstream}; give the commit git finds instead: $(git rev-parse 'it'\''s@{u}')`
	if got := refuse("it's@{u}", "@{upstream}").Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
