// Package files writes coach's files safely and reads back what coach
// wrote.
package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/internal/jsonout"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
	"github.com/go-git/go-git/v5"
)

// Every file coach writes goes through Create or Replace, which
// hold the guarantees of package atomicfile: a new file is created
// exclusively (never over one that appeared meanwhile), a replacement happens
// only under a lock and only when the file still holds what coach read, a
// read-only file is never replaced, and an interrupt leaves each file old or
// new with no temporary file behind.

// NotReplacedError is a file coach was asked to write and left alone: why,
// and what to do about it. It is a finding (exit 1); --all goes on with the
// others first.
type NotReplacedError struct{ Path, Why, Fix string }

func (e *NotReplacedError) Error() string {
	return fmt.Sprintf("%s %s, so it was not replaced; %s", e.Path, e.Why, e.Fix)
}

// LeftAlone reports whether err is a file left alone (hand-edited,
// read-only, changed meanwhile, refused): the others of an --all run are
// still written.
func LeftAlone(err error) bool {
	var (
		kept       *NotReplacedError
		handEdited *HandEditedError
		refused    *RefusedError
	)
	return errors.As(err, &kept) || errors.As(err, &handEdited) || errors.As(err, &refused)
}

// RefusedError is a file coach will neither read nor write: a symbolic
// link out of the repository, or in a directory that is one, something
// that is not a file, a file over its size limit.
type RefusedError struct{ Problem skills.Problem }

func (e *RefusedError) Error() string { return e.Problem.String() }

// ReadGenerated reads a file coach generates (a plan, team.md) to compare
// it with what coach would write, the way skill files are read: within
// skills.MaxGeneratedSize, and never through a symbolic link that leads out
// of the repository, to something that is not a file (/dev/zero), or
// through a directory that is such a link. ok is false when the file does
// not exist; a file refused is a *RefusedError.
func ReadGenerated(root, rel string) (data []byte, ok bool, err error) {
	return generated(skills.ReadFile(root, rel, skills.MaxGeneratedSize, "a file coach generates"))
}

// generatedIn is ReadGenerated reading from where repo was read.
func generatedIn(repo *skills.Repo, rel string) (data []byte, ok bool, err error) {
	return generated(repo.ReadFile(rel, skills.MaxGeneratedSize, "a file coach generates"))
}

func generated(data []byte, p *skills.Problem, err error) ([]byte, bool, error) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	case p != nil:
		return nil, false, &RefusedError{*p}
	}
	return data, true, nil
}

// CheckWritable refuses to write rel (a slash path under root) through a
// directory that is a symbolic link out of the repository.
func CheckWritable(root, rel string) error {
	p, err := skills.LinkedOutside(root, pathpkg.Dir(rel))
	if p != nil {
		return &RefusedError{*p}
	}
	return err
}

// Create makes file (shown as path) with data; it fails with
// fs.ErrExist when the file exists, whoever made it.
func Create(ctx context.Context, file, path string, data []byte) error {
	if err := atomicfile.Create(ctx, file, data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Replace makes file (shown as path) hold data in place of old, what
// coach read there; again is the command that makes it once more. A file
// changed meanwhile or read-only is left alone, as a NotReplacedError.
func Replace(ctx context.Context, file, path string, old, data []byte, again string) error {
	err := atomicfile.Replace(ctx, file, old, data)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, atomicfile.ErrReadOnly):
		return &NotReplacedError{path, "is read-only",
			fmt.Sprintf("make it writable (chmod u+w %s) and run `%s` again, or leave it as it is", path, again)}
	case errors.Is(err, atomicfile.ErrChanged):
		return &NotReplacedError{path, "changed while coach was writing it",
			fmt.Sprintf("check it, then run `%s` again", again)}
	}
	return NotWritable(path, again, fmt.Errorf("write %s: %w", path, err))
}

// NotWritable turns a failure to write path for lack of permission (a
// read-only directory, where the temporary file cannot be made) into a file
// left alone, named by its own path: --all goes on with the others and
// names them all. Any other error is returned as it is.
func NotWritable(path, again string, err error) error {
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	dir := pathpkg.Dir(filepath.ToSlash(path))
	return &NotReplacedError{path, "cannot be written (permission denied in " + dir + "/)",
		fmt.Sprintf("make %s/ writable (chmod u+w %s) and run `%s` again", dir, dir, again)}
}

// WriteOwned writes an output file the user named (a chart, a schema): a new
// file, or over one that ours says coach wrote, and never over anything
// else, which is left alone as notOurs says. again is the command that
// writes it.
func WriteOwned(ctx context.Context, file string, data []byte, ours func(old []byte) bool, notOurs *NotReplacedError, again string) error {
	if InGitDir(file) {
		return &GitDirError{File: file}
	}
	old, err := ReadOwned(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err := Create(ctx, file, file, data)
		if errors.Is(err, fs.ErrExist) {
			return &NotReplacedError{file, "appeared while coach was writing it", fmt.Sprintf("check it, then run `%s` again", again)}
		}
		return err
	case LeftAlone(err):
		return err
	case err != nil:
		return fmt.Errorf("read %s: %w", file, err)
	case bytes.Equal(old, data):
		return nil
	case !ours(old):
		return notOurs
	}
	return Replace(ctx, file, file, old, data, again)
}

// ReadOwned reads an output file the user named before writing over it:
// only a regular file (a link is followed), and within
// skills.MaxGeneratedSize. /dev/zero would be read for ever, and a named
// pipe would wait for a writer.
func ReadOwned(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotReplacedError{file, "is not a regular file (a device, a pipe or a directory)", "give a file name"}
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	old, err := io.ReadAll(io.LimitReader(f, skills.MaxGeneratedSize+1))
	if err == nil && len(old) > skills.MaxGeneratedSize {
		return nil, &NotReplacedError{file, "is larger than any file coach writes", "give a new file name, or move this file aside"}
	}
	return old, err
}

// InGitDir reports whether file is inside a .git directory, following
// symbolic links: git's own files are never coach's output.
func InGitDir(file string) bool {
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else {
		// The file or directories above it do not exist yet: resolve what
		// does.
		for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				rest, _ := filepath.Rel(dir, abs)
				abs = filepath.Join(real, rest)
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	for _, part := range strings.Split(filepath.ToSlash(abs), "/") {
		if part == ".git" {
			return true
		}
	}
	return false
}

// Exists reports whether path exists; an error is a failure to tell.
func Exists(path string) (bool, error) {
	_, err := os.Stat(path)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, err
}

// EnclosingGitRepo returns the root of the git repository that holds dir (or
// would hold it, when dir does not exist yet), or "" when there is none.
func EnclosingGitRepo(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if ok, err := Exists(d); err != nil {
			return "", err
		} else if ok {
			repo, err := git.PlainOpenWithOptions(d, &git.PlainOpenOptions{DetectDotGit: true})
			if errors.Is(err, git.ErrRepositoryNotExists) {
				return "", nil
			}
			if errors.Is(err, git.ErrUnknownExtension) || errors.Is(err, git.ErrUnsupportedExtensionRepositoryFormatVersion) {
				// One go-git cannot read (sha256): init needs only where it is.
				return gitobj.WorkTree(d)
			}
			if err != nil {
				return "", fmt.Errorf("open git repository at %s: %w", d, err)
			}
			wt, err := repo.Worktree()
			if err != nil {
				return d, nil // a bare repository: still a repository
			}
			return wt.Filesystem.Root(), nil
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// FirstDifference is the 1-based number of the first line where a and b
// differ.
func FirstDifference(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// HandEditedError means a generated file lost its marker line.
type HandEditedError struct{ Path, Command string }

func (e *HandEditedError) Error() string {
	return fmt.Sprintf("%s was edited by hand (its first line is no longer coach's marker), so it was not overwritten; move your edits to the skill file, or run `coach %s --force` to replace it", e.Path, e.Command)
}

// WriteGenerated writes a generated file atomically unless it is unchanged.
// A file whose first line is not the marker was edited by hand, and is only
// replaced with force. A file that appears or changes while coach writes it
// is left alone (see Replace).
func WriteGenerated(ctx context.Context, root, path string, content []byte, marker string, force bool, command string) (bool, error) {
	file := filepath.Join(root, filepath.FromSlash(path))
	raw, exists, err := ReadGenerated(root, path)
	old := LF(raw)
	switch {
	case err != nil:
		return false, err
	case !exists:
		err := Create(ctx, file, path, content)
		if errors.Is(err, fs.ErrExist) {
			if now, rerr := os.ReadFile(file); rerr == nil && bytes.Equal(now, content) {
				return false, nil // another coach run wrote the same plan
			}
			return false, &NotReplacedError{path, "appeared while coach was writing it",
				fmt.Sprintf("check it, then run `coach %s` again", command)}
		}
		return err == nil, NotWritable(path, "coach "+command, err)
	case bytes.Equal(old, content):
		return false, nil
	case !force && !bytes.HasPrefix(old, []byte(marker+"\n")):
		return false, &HandEditedError{path, command}
	}
	// The file is compared as it was read, CRLF and all: it is what
	// Replace finds there again when nobody changed it.
	if err := Replace(ctx, file, path, raw, content, "coach "+command); err != nil {
		return false, err
	}
	return true, nil
}

// LF reads a generated file as coach wrote it: git on Windows
// (core.autocrlf) checks it out with CRLF line endings, and commits it back
// with LF, so the two are the same file.
func LF(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }

// AgendaMarker starts every agenda coach writes; --force replaces only a file
// that starts with it.
const AgendaMarker = "<!-- Generated by coach from "

// AgendaPromise ends the marker line: what coach does with an agenda once
// it exists, which WriteAgenda keeps true.
const AgendaPromise = "Write in it during the 1:1: coach keeps it, and replaces it only when run with --force."

// ErrUpToDate means a file already holds what coach would write.
var ErrUpToDate = errors.New("up to date")

// WriteAgenda creates an agenda, exclusively: one that exists, however it
// got there (another coach run, a person saving it a moment ago), is kept
// (an error matching fs.ErrExist) unless force, and even then is replaced
// only when coach wrote it and nobody changed it meanwhile (see
// Replace). again is the command that replaces it.
func WriteAgenda(ctx context.Context, root, path string, content []byte, force bool, again string) error {
	if err := CheckWritable(root, path); err != nil {
		return err
	}
	file := filepath.Join(root, filepath.FromSlash(path))
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return NotWritable(path, again, Create(ctx, file, path, content))
	case err != nil:
		return err
	case bytes.Equal(old, content):
		return ErrUpToDate
	case !force:
		return fs.ErrExist
	case !bytes.HasPrefix(old, []byte(AgendaMarker)):
		return &NotReplacedError{path, "was not written by coach (its first line is not coach's marker)",
			"move it aside or delete it first, if it should be replaced"}
	}
	return Replace(ctx, file, path, old, content, again)
}

// GitDirError is an output file the user named inside a .git directory,
// which is git's own.
type GitDirError struct{ File string }

func (e *GitDirError) Error() string {
	return fmt.Sprintf("%s is inside a .git directory, which is git's own", e.File)
}

// chartMarkers are the markers of the charts coach draws, and those of
// earlier coaches (whose comment held "--svg", which XML forbids), so that a
// chart drawn before can be drawn again in its place.
var chartMarkers = [][]byte{
	[]byte(templates.HistorySVGMarker), []byte(plans.TeamSVGMarker),
	[]byte("<!-- Generated by coach history --svg. -->"), []byte("<!-- Generated by coach team --svg. -->"),
}

// WriteChart writes an --svg chart to file: a new file, or one holding a
// chart coach drew (chartMarkers), never anything else. again is the
// command that writes it.
func WriteChart(ctx context.Context, file string, svg []byte, again string) error {
	ours := func(old []byte) bool {
		head := old[:min(len(old), 1024)]
		for _, m := range chartMarkers {
			if bytes.Contains(head, m) {
				return true
			}
		}
		return false
	}
	return WriteOwned(ctx, file, svg, ours, &NotReplacedError{Path: file, Why: "is not a chart coach drew (it has no coach marker)", Fix: "give --svg a new file name, or move this file aside"}, again)
}

// NotInGitDir refuses a directory inside a .git directory or a bare
// repository: a coaching repository needs a work tree.
func NotInGitDir(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if filepath.Base(d) == ".git" {
			return fmt.Errorf("%s is inside the git directory %s; run coach init in a work tree", dir, d)
		}
		if isBareRepo(d) {
			return fmt.Errorf("%s is in the bare git repository %s, which has no work tree for skill files; clone it and run coach init in the clone", dir, d)
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// isBareRepo reports whether d is a bare git repository: HEAD, objects/ and
// refs/ in d itself, and a config that says bare.
func isBareRepo(d string) bool {
	for _, f := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(d, f)); err != nil {
			return false
		}
	}
	cfg, err := os.ReadFile(filepath.Join(d, "config"))
	return err == nil && bareConfig.Match(cfg)
}

var bareConfig = regexp.MustCompile(`(?m)^\s*bare\s*=\s*true\s*$`)

// WriteSchema writes the editor schema, skills.SchemaFile, under root: a
// new file, or over one that says marker (coach wrote it), never over
// another. wrote is false when it held the schema already.
func WriteSchema(ctx context.Context, root string, schema []byte, marker string) (wrote bool, err error) {
	file := filepath.Join(root, filepath.FromSlash(skills.SchemaFile))
	old, err := os.ReadFile(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = Create(ctx, file, skills.SchemaFile, schema)
		if errors.Is(err, fs.ErrExist) {
			err = &NotReplacedError{Path: skills.SchemaFile, Why: "appeared while coach was writing it", Fix: "check it, then run `coach schema --write` again"}
		}
	case err != nil:
		return false, fmt.Errorf("read %s: %w", skills.SchemaFile, err)
	case bytes.Equal(LF(old), schema):
		return false, nil
	case !bytes.Contains(old, []byte(marker)):
		err = &NotReplacedError{Path: skills.SchemaFile, Why: "was not written by coach (it does not say " + marker + ")", Fix: "move it aside if coach should write the schema there"}
	default:
		err = Replace(ctx, file, skills.SchemaFile, old, schema, "coach schema --write")
	}
	return err == nil, err
}

// WriteExport writes the CSV of coach export --format csv --output file:
// a new file, or over a CSV coach export wrote (it starts with header, the
// line of its columns); never over another file.
func WriteExport(ctx context.Context, file string, data []byte, header string) error {
	ours := func(old []byte) bool {
		return bytes.HasPrefix(bytes.ReplaceAll(old, []byte("\r\n"), []byte("\n")), []byte(header+"\n"))
	}
	return WriteOwned(ctx, file, data, ours,
		&NotReplacedError{Path: file, Why: "is not a CSV that coach export wrote", Fix: "give --output another file"},
		"coach export --format csv --output "+file)
}

// OutputInGitError is an --output DIR inside a .git directory: wrong usage.
type OutputInGitError struct{ Dir string }

func (e *OutputInGitError) Error() string {
	return fmt.Sprintf("--output %s is inside a .git directory, which is git's own", e.Dir)
}

// UsageHint is the hint printed after the error.
func (e *OutputInGitError) UsageHint() string {
	return "give --output a directory of its own, for example --output schemas"
}

// WriteSchemas writes every schema of coach schema --output dir: the skill
// file's (skill), each JSON output's and the team view's, as
// WriteSchemaFile does; n is how many.
func WriteSchemas(ctx context.Context, dir string, skill []byte, marker string) (n int, err error) {
	type schema struct {
		key  string
		data []byte
	}
	schemas := []schema{{"skill", skill}}
	for _, o := range jsonout.Outputs {
		schemas = append(schemas, schema{o.Key, o.Schema()})
	}
	schemas = append(schemas, schema{"team", plans.TeamSchema()})
	for _, s := range schemas {
		file := filepath.Join(dir, s.key+".schema.json")
		if InGitDir(file) {
			return n, &OutputInGitError{Dir: filepath.Dir(file)}
		}
		if err := WriteSchemaFile(ctx, file, s.data, marker); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// WriteSchemaFile writes one schema of coach schema --output DIR: a new
// file, or over a schema coach wrote (its $schema line and coach's JSON
// contract or marker in its description); never over another file.
func WriteSchemaFile(ctx context.Context, file string, data []byte, marker string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	ours := func(old []byte) bool {
		return bytes.Contains(old, []byte(`"$schema"`)) &&
			(bytes.Contains(old, []byte("coach's JSON contract")) || bytes.Contains(old, []byte(marker)))
	}
	return WriteOwned(ctx, file, data, ours, &NotReplacedError{Path: file, Why: "is not a schema coach wrote", Fix: "give --output a directory of its own"},
		"coach schema --output "+filepath.Dir(file))
}
