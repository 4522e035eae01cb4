package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// CompareGenerated compares the generated file path of repo, as
// committed (in the work tree, or in the index repo was read from), with
// content. The verdict is "" (current), "missing",
// "hand-edited" (its first line is no longer marker) or "stale", with the
// first line that differs and, for a file that differs, the unified diff
// from it to content; a file coach will not read is a *RefusedError.
func CompareGenerated(repo *skills.Repo, path string, content []byte, marker string) (verdict string, line int, diff string, err error) {
	old, exists, err := generatedIn(repo, path)
	switch {
	case err != nil:
		return "", 0, "", err
	case !exists:
		return "missing", 0, "", nil
	}
	old = LF(old)
	if bytes.Equal(old, content) {
		return "", 0, "", nil
	}
	diff = udiff.Unified("a/"+path, "b/"+path, string(old), string(content))
	if !bytes.HasPrefix(old, []byte(marker+"\n")) {
		return "hand-edited", 1, diff, nil
	}
	return "stale", FirstDifference(old, content), diff, nil
}

// Generated is a file coach generates, for CheckGenerated: where it is,
// its marker line, and what makes it again.
type Generated struct {
	Path, Marker string
	// Source is the skill file it is made from, where its edits belong and
	// where its absence is reported; "" for a view of the whole team.
	Source string
	// Again and Force are the commands that write it again, and over an
	// edit by hand.
	Again, Force string
}

// Finding is a generated file that is not what it should be, and the fix.
type Finding struct {
	Path    string
	Line    int
	Message string
	// Missing is set when the file is not there at all.
	Missing bool
}

// CheckGenerated compares g as committed in repo with content, as
// CompareGenerated does: the unified diff of a file that differs, and what
// is wrong with it, nil when it is current. A file coach will not read is a
// finding too.
func CheckGenerated(repo *skills.Repo, g Generated, content []byte) (diff string, f *Finding, err error) {
	verdict, line, diff, err := CompareGenerated(repo, g.Path, content, g.Marker)
	if refused := (*RefusedError)(nil); errors.As(err, &refused) {
		return diff, &Finding{Path: refused.Problem.Path, Message: refused.Problem.String()}, nil
	}
	if err != nil {
		return diff, nil, err
	}
	edits, missing := "the skill files", g.Path
	if g.Source != "" {
		edits, missing = g.Source, g.Source
	}
	switch verdict {
	case "missing":
		f = &Finding{Path: missing, Message: fmt.Sprintf("%s is missing; run `%s` and commit it", g.Path, g.Again), Missing: true}
	case "hand-edited":
		f = &Finding{Path: g.Path, Line: 1, Message: fmt.Sprintf("%s was edited by hand; move the edits to %s, then run `%s` and commit it", g.Path, edits, g.Force)}
	case "stale":
		f = &Finding{Path: g.Path, Line: line, Message: fmt.Sprintf("%s is stale; run `%s` and commit it", g.Path, g.Again)}
	}
	return diff, f, nil
}

// AgendaHeader is the first line of the agenda generated from the skill
// file at path for week: AgendaMarker, the week and AgendaPromise.
func AgendaHeader(path string, week plans.Week) string {
	return fmt.Sprintf(AgendaMarker+"%s for %s. "+AgendaPromise+" -->\n", path, week)
}

// WriteWeekAgenda writes the agenda of person id for week at path, as
// WriteAgenda does; with force it first refuses, as WrittenIn does, to
// replace what someone wrote in it at the 1:1.
func WriteWeekAgenda(ctx context.Context, root, path string, content []byte, force bool, id string, week plans.Week) error {
	if force {
		if err := WrittenIn(root, path, week, content, id); err != nil {
			return err
		}
	}
	return WriteAgenda(ctx, root, path, content, force, fmt.Sprintf("coach agenda %s --week %s --force", id, week))
}

// WrittenIn refuses to replace the agenda at path when it holds something
// someone wrote in it that content, the agenda coach would write now, does
// not: a *NotReplacedError naming what, and how to go on.
func WrittenIn(root, path string, week plans.Week, content []byte, id string) error {
	old, ok, err := ReadGenerated(root, path)
	if err != nil || !ok || !bytes.HasPrefix(old, []byte(AgendaMarker)) {
		return err // WriteAgenda says what it does with a file coach did not write
	}
	w := plans.WrittenIn(plans.ReadAgenda(week, old), plans.ReadAgenda(week, content))
	if len(w) == 0 {
		return nil
	}
	return &NotReplacedError{Path: path,
		Why: "holds what was written in it (" + strings.Join(w, ", ") + "), which --force would lose",
		Fix: fmt.Sprintf("copy what you wrote elsewhere and delete the file, then run `coach agenda %s --week %s` again", id, week)}
}

// FolderIn is dir's path inside the git work tree at root, with slashes:
// "" when there is no repository or dir is its root.
func FolderIn(root, dir string) (string, error) {
	if root == "" {
		return "", nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}
