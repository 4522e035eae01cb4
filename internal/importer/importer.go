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

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/internal/files"
	"github.com/coach-dev/coach/skills"
)

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
