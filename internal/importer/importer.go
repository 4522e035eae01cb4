// Package importer reads the files of a career framework and writes the
// matrix that coach import makes of them; package framework turns the one
// into the other, with no I/O.
package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/skills"
)

// Options are what coach import was asked.
type Options struct {
	Dir    string   // the directory coach runs in (-C)
	Files  []string // the framework's files, resolved after -C
	Format string   // "" detects it from each file's extension
	Roles  string   // LEVEL=ROLE,...; "" is the default mapping
	Output string   // "" is matrix.toml at the repository's root; "-" is stdout
	Force  bool
}

// Result is the matrix Import made, and where it went.
type Result struct {
	Data []byte
	// File is the file written and Shown its name for messages; both ""
	// with Output "-".
	File, Shown string
	// Summary counts what the matrix holds and what is left to write.
	Summary string
	// Schema is set when the repository keeps an editor schema, which
	// lists the matrix's skills and must be written again with it.
	Schema bool
}

// UsageError is wrong usage of coach import: a format it cannot tell, roles
// it cannot read, a file inside .git. Hint is "" for the usual one.
type UsageError struct{ Msg, Hint string }

func (e *UsageError) Error() string { return e.Msg }

// UsageHint is the hint printed after the error.
func (e *UsageError) UsageHint() string { return e.Hint }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Import reads the framework's files, makes the matrix and, unless
// opts.Output is "-", writes it. A matrix that comes out invalid is a bug,
// and nothing is written.
func Import(ctx context.Context, opts Options) (*Result, error) {
	var roles map[int]string
	if opts.Roles != "" {
		var err error
		if roles, err = framework.ParseRoles(opts.Roles); err != nil {
			return nil, usagef("%v", err)
		}
	}
	var (
		fws     []*framework.Framework
		sources []string
		format  = opts.Format
	)
	for _, file := range opts.Files {
		f := opts.Format
		if f == "" {
			if f = framework.DetectFormat(file); f == "" {
				return nil, usagef("cannot tell the format of %s from its name; give --format monzo or --format csv", file)
			}
		}
		if format == "" {
			format = f
		} else if f != format {
			return nil, usagef("%s is %s and another file is %s; import one format at a time", file, f, format)
		}
		src, err := ReadFramework(file)
		if err != nil {
			return nil, err
		}
		fw, err := framework.Parse(f, file, src)
		if err != nil {
			return nil, err
		}
		fws = append(fws, fw)
		sources = append(sources, filepath.Base(file))
	}
	fw, err := framework.Merge(fws)
	if err != nil {
		return nil, err
	}
	data, err := framework.Matrix(fw, framework.Options{Roles: roles, Sources: sources, Format: format})
	if err != nil {
		return nil, usagef("%v", err)
	}
	_, problems := skills.DecodeMatrix(skills.MatrixFile, data)
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("the imported matrix is invalid (a bug in coach import): %w", &skills.ProblemsError{Problems: problems})
	}
	res := &Result{Data: data, Summary: fmt.Sprintf("%d skills, %d levels, %d roles; %d values marked %s are left to write (coach check lists them)",
		len(fw.Skills), fw.Levels, framework.CountRoles(roles, fw), problems.Warnings(), skills.ImportTODO)}
	if opts.Output == "-" {
		return res, nil
	}
	res.File, res.Shown = opts.Output, opts.Output
	if res.File == "" {
		root, err := skills.FindRoot(opts.Dir)
		if errors.Is(err, skills.ErrNotRepo) {
			root, err = opts.Dir, nil
		}
		if err != nil {
			return nil, err
		}
		res.File, res.Shown = filepath.Join(root, skills.MatrixFile), skills.MatrixFile
	}
	if files.InGitDir(res.File) {
		return nil, &UsageError{Msg: fmt.Sprintf("%s is inside a .git directory, which is git's own", res.Shown),
			Hint: "write the matrix in the work tree"}
	}
	if err := WriteMatrix(ctx, res.File, res.Shown, data, opts.Force); err != nil {
		return nil, err
	}
	if opts.Output == "" {
		schema := filepath.Join(filepath.Dir(res.File), filepath.FromSlash(skills.SchemaFile))
		if res.Schema, err = files.Exists(schema); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// ReadFramework reads a framework file, within framework.MaxFileSize. A
// file that cannot be read is a finding about it, as a bad one is.
func ReadFramework(file string) ([]byte, error) {
	unreadable := func(why, hint string) error {
		return &skills.ProblemsError{Problems: skills.Problems{{Path: file, Severity: skills.Error,
			Message: "cannot be read: " + why, Hint: hint}}}
	}
	f, err := os.Open(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, unreadable("no such file", "check the path; a relative one is read after -C")
	case err != nil:
		return nil, unreadable(err.Error(), "make it readable")
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, unreadable("not a regular file", "give the framework's file (a .md or .csv)")
	}
	src, err := io.ReadAll(io.LimitReader(f, framework.MaxFileSize+1))
	if err != nil {
		return nil, unreadable(err.Error(), "make it readable")
	}
	return src, nil
}

// WriteMatrix writes the imported matrix to file (shown as shown): a new
// file, or in place of one that is still the built-in matrix, or with
// force in place of any; never half a file. A file inside .git is the
// caller's to refuse first, as wrong usage.
func WriteMatrix(ctx context.Context, file, shown string, data []byte, force bool) error {
	old, err := files.ReadOwned(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err := files.Create(ctx, file, shown, data)
		if errors.Is(err, fs.ErrExist) {
			return &files.NotReplacedError{Path: shown, Why: "appeared while coach was writing it", Fix: "check it, then run `coach import` again"}
		}
		return err
	case files.LeftAlone(err):
		return err
	case err != nil:
		return fmt.Errorf("read %s: %w", shown, err)
	case bytes.Equal(old, data):
		return nil
	}
	unedited := bytes.Equal(bytes.ReplaceAll(old, []byte("\r\n"), []byte("\n")), skills.DefaultMatrixTOML())
	if !force && !unedited {
		return &files.NotReplacedError{Path: shown, Why: "exists and is not the built-in matrix",
			Fix: "run `coach import` again with --force to replace it (git keeps the old one), or give --output another file"}
	}
	return files.Replace(ctx, file, shown, old, data, "coach import --force")
}
