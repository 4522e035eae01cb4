package workspace

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// bufReporter writes what a workspace reports to a buffer, as coach's
// stderr would.
type bufReporter struct{ w *bytes.Buffer }

func (r bufReporter) Problem(p skills.Problem) { fmt.Fprintln(r.w, p) }
func (r bufReporter) Warnf(format string, a ...any) {
	fmt.Fprintf(r.w, "coach: warning: "+format+"\n", a...)
}

// The head side takes what the base found in a file it shares, and reads
// the same as a head whose every file is checked again: the same people,
// the same errors in the same order.
func TestSideReaderReuse(t *testing.T) {
	matrix := func() *skills.Matrix {
		m, err := skills.DefaultMatrix()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	// A matrix without the skill negotiation, which makes it an error.
	fewer := matrix()
	fewer.Skills = slices.DeleteFunc(fewer.Skills, func(s skills.Skill) bool { return s.ID == "negotiation" })

	alice := "name = \"Alice\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 2\n"
	ben := "name = \"Ben\"\nrole = \"pm\"\n\n[levels]\nnegotiation = 9\n"
	chloe := "name = \"Chloe\"\nrole = \"pm\"\nrole = \"gpm\"\n"
	base := map[string][]byte{"skills/alice.toml": []byte(alice), "skills/ben.toml": []byte(ben),
		"skills/chloe.toml": []byte(chloe), "skills/erin.toml": []byte(alice)}
	head := map[string][]byte{"skills/alice.toml": []byte(alice), "skills/ben.toml": []byte(ben),
		"skills/chloe.toml": []byte("name = \"Chloe\"\nrole = \"gpm\"\n"), "skills/dana.toml": []byte(chloe),
		"skills/erin-smith.toml": []byte(alice)}

	type read struct {
		Base, Head         plans.Side
		BaseErrs, HeadErrs skills.Problems
		Stderr             string
	}
	readBoth := func(plain bool, baseMatrix, headMatrix *skills.Matrix) read {
		var stderr bytes.Buffer
		r := &sideReader{ctx: context.Background(), rep: bufReporter{&stderr}, testHookNoReuse: plain}
		var got read
		var err error
		if got.Base, got.BaseErrs, err = r.read(baseMatrix, base, "main", "main:"); err != nil {
			t.Fatal(err)
		}
		if got.Head, got.HeadErrs, err = r.read(headMatrix, head, "the working tree", ""); err != nil {
			t.Fatal(err)
		}
		got.Stderr = stderr.String()
		return got
	}
	for _, tt := range []struct {
		name       string
		headMatrix *skills.Matrix
		shared     bool
	}{
		{"equal matrices", matrix(), true},
		{"the matrix changed", fewer, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			baseMatrix := matrix()
			want := readBoth(true, baseMatrix, tt.headMatrix)
			got := readBoth(false, baseMatrix, tt.headMatrix)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-every file checked +shared files checked once):\n%s", diff)
			}
			if len(want.BaseErrs) == 0 || len(want.HeadErrs) == 0 {
				t.Fatalf("no errors on one side: the test compares too little:\n%s", want.Stderr)
			}
			if shared := got.Base.People["alice"] == got.Head.People["alice"]; shared != tt.shared {
				t.Errorf("alice's file read once: %v, want %v", shared, tt.shared)
			}
		})
	}
}

// loadFiles loads the repository and its templates, and no history: what
// coach diff loaded before OpenReview.
func loadFiles(ctx context.Context, dir string, _ io.Writer) (*Workspace, error) {
	return OpenFiles(ctx, Options{Dir: dir})
}

// OpenReview loads what loadFiles loads but the people and the templates,
// and stops where it stops, with the same error: loadFiles is its plain
// twin. The working tree's templates are not a review's (it is written with
// the base's), so a broken one stops only loadFiles.
func TestLoadReview(t *testing.T) {
	person := func(name string) string { return "name = \"" + name + "\"\nrole = \"pm\"\n" }
	tests := []struct {
		name  string
		files map[string]string // besides a few people's; "-> target" is a symbolic link
		fails bool
	}{
		{"no settings", nil, false},
		{"a leader with a skill file", map[string]string{skills.ConfigFile: "[[leader]]\nid = \"alice\"\nname = \"Alice\"\n"}, true},
		{"a leader without one", map[string]string{skills.ConfigFile: "[[leader]]\nid = \"maya\"\nname = \"Maya\"\n"}, false},
		{"an unknown role in the shape", map[string]string{skills.ConfigFile: "[team.shape]\npn = 3\n"}, true},
		{"a broken matrix", map[string]string{skills.MatrixFile: "[[skill]\n"}, true},
		{"a stale schema", map[string]string{skills.SchemaFile: "{}\n"}, false},
		{"a template of the repository's", map[string]string{"templates/diff.md.tmpl": "{{.Base}} -> {{.Head}}\n"}, false},
		{"a broken template", map[string]string{"templates/diff.md.tmpl": "{{.Base\n"}, false},
		{"a skill file coach will not read", map[string]string{"skills/out.toml": "-> /etc/hostname"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"skills/alice.toml": person("Alice"), "skills/ben.toml": "name = 3\n", ".git/HEAD": ""}
			maps.Copy(files, tt.files)
			for p, src := range files {
				name := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if target, ok := strings.CutPrefix(src, "-> "); ok {
					if err := os.Symlink(target, name); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, wantErr := loadFiles(t.Context(), dir, io.Discard)
			if tt.name == "a broken template" {
				// loadFiles stops at it; OpenReview reads what loadFiles
				// reads without it.
				if wantErr == nil {
					t.Fatalf("loadFiles loads a broken template")
				}
				name := filepath.Join(dir, "templates", "diff.md.tmpl")
				if err := os.Rename(name, name+".off"); err != nil {
					t.Fatal(err)
				}
				want, wantErr = loadFiles(t.Context(), dir, io.Discard)
				if err := os.Rename(name+".off", name); err != nil {
					t.Fatal(err)
				}
			}
			for _, workTree := range []bool{false, true} {
				got, err := OpenReview(dir, workTree)
				if (err != nil) != tt.fails || (wantErr != nil) != tt.fails {
					t.Fatalf("OpenReview: %v; loadFiles: %v; want an error: %v", err, wantErr, tt.fails)
				}
				if err != nil {
					if err.Error() != wantErr.Error() {
						t.Errorf("OpenReview: %v, want %v", err, wantErr)
					}
					continue
				}
				if diff := cmp.Diff([]any{want.Repo.Root, want.Repo.Config, want.Repo.Matrix, want.Repo.MatrixPath},
					[]any{got.Repo.Root, got.Repo.Config, got.Repo.Matrix, got.Repo.MatrixPath}); diff != "" {
					t.Errorf("the settings (-loadFiles +OpenReview):\n%s", diff)
				}
				var read []string
				if workTree {
					read = slices.Collect(maps.Keys(got.Work))
					for _, p := range got.Unread {
						read = append(read, p.Path)
					}
					slices.Sort(read)
				}
				wantRead := slices.DeleteFunc(slices.Clone(want.Repo.Files), func(p string) bool { return !strings.HasPrefix(p, "skills/") })
				if !workTree {
					wantRead = nil
				}
				if diff := cmp.Diff(wantRead, read); diff != "" {
					t.Errorf("the skill files read (-loadFiles +OpenReview):\n%s", diff)
				}
			}
		})
	}
}
