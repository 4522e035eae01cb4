package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

const ladder = "skill,APM,PM,Senior PM\n" +
	"Roadmapping,Keeps the roadmap up to date,Writes the roadmap for an area,Balances bets across quarters\n" +
	"Hiring,,Interviews with a scorecard,Runs a hiring loop end to end\n"

func write(t *testing.T, file, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// A file that cannot be read is a finding about it, with the fix.
func TestReadFrameworkRefuses(t *testing.T) {
	dir := t.TempDir()
	big := write(t, filepath.Join(dir, "big.csv"), ladder)
	if err := os.Truncate(big, 1<<20+10); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, file, want string }{
		{"missing", filepath.Join(dir, "none.csv"), "none.csv: cannot be read: no such file; check the path; a relative one is read after -C"},
		{"a directory", dir, "cannot be read: not a regular file; give the framework's file (a .md or .csv)"},
	}
	for _, tt := range tests {
		_, err := ReadFramework(tt.file)
		var ps *skills.ProblemsError
		if !errors.As(err, &ps) || len(ps.Problems) != 1 || !strings.HasSuffix(ps.Problems[0].String(), tt.want) {
			t.Errorf("%s: got %v, want a problem ending %q", tt.name, err, tt.want)
		}
	}
	// Over the limit, one byte more than it is read: the parser refuses it
	// by its size without reading the rest.
	src, err := ReadFramework(big)
	if err != nil || len(src) != 1<<20+1 {
		t.Errorf("a large file: read %d bytes (%v), want the limit and one", len(src), err)
	}
}

// The matrix is written as a new file, over the built-in one coach init
// wrote, or with force over any; an edited one is left alone.
func TestWriteMatrix(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, skills.MatrixFile)
	data := []byte("# imported\n")
	if err := WriteMatrix(ctx, file, skills.MatrixFile, data, false); err != nil {
		t.Fatalf("a new file: %v", err)
	}
	if err := WriteMatrix(ctx, file, skills.MatrixFile, data, false); err != nil {
		t.Errorf("the same matrix again: %v", err)
	}
	var kept *files.NotReplacedError
	if err := WriteMatrix(ctx, file, skills.MatrixFile, []byte("# another\n"), false); !errors.As(err, &kept) ||
		kept.Why != "exists and is not the built-in matrix" {
		t.Errorf("over an edited matrix: got %v, want it left alone", err)
	}
	if err := WriteMatrix(ctx, file, skills.MatrixFile, []byte("# another\n"), true); err != nil {
		t.Errorf("with force: %v", err)
	}
	builtin := strings.ReplaceAll(string(skills.DefaultMatrixTOML()), "\n", "\r\n") // as git on Windows checks it out
	write(t, file, builtin)
	if err := WriteMatrix(ctx, file, skills.MatrixFile, data, false); err != nil {
		t.Errorf("over the built-in matrix: %v", err)
	}
	if got, _ := os.ReadFile(file); string(got) != string(data) {
		t.Errorf("the file holds %q, want %q", got, data)
	}
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	csv := write(t, filepath.Join(dir, "ladder.csv"), ladder)
	write(t, filepath.Join(dir, skills.ConfigFile), "")

	// --output -: the matrix, valid, and nothing written.
	res, err := Import(ctx, Options{Dir: dir, Files: []string{csv}, Output: "-"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ps := skills.DecodeMatrix(skills.MatrixFile, res.Data); ps.Errors() > 0 {
		t.Errorf("the matrix has errors: %v", ps)
	}
	want := "2 skills, 3 levels, 3 roles; "
	if !strings.HasPrefix(res.Summary, want) || res.File != "" {
		t.Errorf("got summary %q and file %q, want %q... and none", res.Summary, res.File, want)
	}
	if _, err := os.Stat(filepath.Join(dir, skills.MatrixFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("--output - wrote matrix.toml (%v)", err)
	}

	// By default matrix.toml at the root, which keeps an editor schema.
	write(t, filepath.Join(dir, filepath.FromSlash(skills.SchemaFile)), "{}")
	res, err = Import(ctx, Options{Dir: filepath.Join(dir), Files: []string{csv}, Roles: "1=apm,2=pm,3=senior-pm"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]any{filepath.Join(dir, skills.MatrixFile), skills.MatrixFile, true}, []any{res.File, res.Shown, res.Schema}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got, _ := os.ReadFile(res.File); string(got) != string(res.Data) {
		t.Error("matrix.toml is not the matrix made")
	}
}

// Wrong usage names the fix; the usual hint is left to the command.
func TestImportUsage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	csv := write(t, filepath.Join(dir, "ladder.csv"), ladder)
	txt := write(t, filepath.Join(dir, "ladder.txt"), ladder)
	md := write(t, filepath.Join(dir, "product.md"), "---\nlevels: 2\n---\n")
	tests := []struct {
		name      string
		opts      Options
		msg, hint string
	}{
		{"format unknown", Options{Files: []string{txt}}, "cannot tell the format of " + txt + " from its name; give --format monzo or --format csv", ""},
		{"two formats", Options{Files: []string{csv, md}}, md + " is monzo and another file is csv; import one format at a time", ""},
		{"roles", Options{Files: []string{csv}, Roles: "one=pm"}, `--roles: "one=pm" is not LEVEL=ROLE; write it like 1=apm,2=pm,3=senior-pm`, ""},
		{"inside .git", Options{Files: []string{csv}, Output: filepath.Join(dir, ".git", "matrix.toml")},
			filepath.Join(dir, ".git", "matrix.toml") + " is inside a .git directory, which is git's own", "write the matrix in the work tree"},
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		tt.opts.Dir = dir
		_, err := Import(ctx, tt.opts)
		var usage *UsageError
		if !errors.As(err, &usage) {
			t.Errorf("%s: got %v, want a UsageError", tt.name, err)
			continue
		}
		if usage.Msg != tt.msg || usage.UsageHint() != tt.hint {
			t.Errorf("%s: got %q (hint %q), want %q (hint %q)", tt.name, usage.Msg, usage.UsageHint(), tt.msg, tt.hint)
		}
	}
}
