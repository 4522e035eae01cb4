package history

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	gitstorage "github.com/go-git/go-git/v5/storage"
)

// Revisions are resolved here as `git rev-parse --verify REV^{commit}`
// resolves the forms a flag is given (gitrevisions(7)), reading git's files
// through go-git's storage (go-git's ResolveRevision reads no reflog, and
// answers HEAD@{2} with HEAD itself): a full or abbreviated hash; a branch,
// tag, remote-tracking branch or any reference, by its short or full name,
// HEAD and @; a reflog entry by number (NAME@{N}, @{N}); and after any of
// them, ~N, ^N, ^{} and ^{commit}, as many as wanted. The rest of git's
// forms (a reflog entry by date, @{-N}, @{upstream}, @{push}, a search of
// the messages, ^{tag}) are refused with the command that turns them into a
// commit: $(git rev-parse 'REV'). A range, a tree or a file is an error. No
// form ever falls back to another revision.

// revisions resolves revisions in one repository.
type revisions struct {
	w  *walker
	st gitstorage.Storer
}

// revError is an unknown or unusable revision.
func revError(rev, format string, args ...any) error {
	return fmt.Errorf("%w %q: %s", ErrRevision, rev, fmt.Sprintf(format, args...))
}

// commit resolves rev to a commit. An unborn HEAD is
// plumbing.ErrReferenceNotFound.
func (r *revisions) commit(rev string) (plumbing.Hash, error) {
	if rev == "" {
		// HEAD names a commit, as git sees to: reading no object here keeps
		// a warm run from opening any pack.
		ref, err := r.ref("HEAD")
		if err == nil && ref == nil {
			err = fmt.Errorf("%w: HEAD", plumbing.ErrReferenceNotFound)
		}
		if err != nil {
			return plumbing.ZeroHash, err
		}
		return ref.Hash(), nil
	}
	if strings.Contains(rev, "..") {
		return plumbing.ZeroHash, revError(rev, "a range of commits; give one revision")
	}
	for _, s := range []string{"^!", "^@", "^-"} {
		if strings.HasSuffix(rev, s) || strings.Contains(rev, s+"^") || strings.Contains(rev, s+"~") {
			return plumbing.ZeroHash, revError(rev, "a range of commits (%s); give one revision", s)
		}
	}
	h, err := r.resolve(rev, rev)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return r.peel(rev, h, plumbing.CommitObject)
}

// resolve resolves name, a revision or the left part of one, to an object.
func (r *revisions) resolve(rev, name string) (plumbing.Hash, error) {
	if strings.HasPrefix(name, ":/") && len(name) > 2 {
		return plumbing.ZeroHash, refuse(rev, "a search of the commit messages")
	}
	if strings.HasPrefix(name, ":") {
		return plumbing.ZeroHash, revError(rev, "names a file in the index, not a commit")
	}
	if strings.HasSuffix(name, "}") {
		if i := strings.LastIndex(name, "^{"); i >= 0 {
			switch what := name[i+2 : len(name)-1]; what {
			case "", "commit", "object":
				// The commit it peels to is the one every form ends at.
				return r.resolve(rev, name[:i])
			case "tree", "blob":
				if _, err := r.resolve(rev, name[:i]); err != nil {
					return plumbing.ZeroHash, err
				}
				return plumbing.ZeroHash, revError(rev, "names a %s, not a commit", what)
			default:
				if strings.HasPrefix(what, "/") {
					return plumbing.ZeroHash, refuse(rev, "a search of the commit messages")
				}
				return plumbing.ZeroHash, refuse(rev, "^{"+what+"}")
			}
		}
	}
	// A path after a colon names a file of the revision.
	if i := colonOutsideBraces(name); i >= 0 {
		return plumbing.ZeroHash, revError(rev, "names a file (%s), not a commit", name[i+1:])
	}
	i := len(name) - 1
	for i >= 0 && name[i] >= '0' && name[i] <= '9' {
		i--
	}
	if i >= 0 && (name[i] == '~' || name[i] == '^') {
		n := 1
		if i+1 < len(name) {
			var err error
			if n, err = strconv.Atoi(name[i+1:]); err != nil {
				return plumbing.ZeroHash, revError(rev, "%s is not a number", name[i+1:])
			}
		}
		h, err := r.resolve(rev, name[:i])
		if err != nil {
			return h, err
		}
		if name[i] == '^' {
			return r.parent(rev, h, n)
		}
		return r.ancestor(rev, h, n)
	}
	return r.basic(rev, name)
}

// refuse is a form of revision that coach does not read, with the command
// that gives the commit it names.
func refuse(rev, what string) error {
	return revError(rev, "coach does not read %s; give the commit git finds instead: $(git rev-parse %s)", what, shellQuote(rev))
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// colonOutsideBraces finds the colon of rev:path, or -1.
func colonOutsideBraces(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ':':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func (r *revisions) objectType(rev string, h plumbing.Hash) (plumbing.ObjectType, error) {
	obj, err := r.st.EncodedObject(plumbing.AnyObject, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return 0, fmt.Errorf("%w: %s (%s) is not in this clone; fetch it with `git fetch`", ErrNotFetched, rev, h.String()[:7])
	}
	if err != nil {
		return 0, err
	}
	return obj.Type(), nil
}

// peel follows tags from h to an object of type want (any non-tag for
// AnyObject), and from a commit to its tree when a tree is wanted.
func (r *revisions) peel(rev string, h plumbing.Hash, want plumbing.ObjectType) (plumbing.Hash, error) {
	for range 100 {
		t, err := r.objectType(rev, h)
		if err != nil {
			return h, err
		}
		switch {
		case t == want || (want == plumbing.AnyObject && t != plumbing.TagObject):
			return h, nil
		case t == plumbing.TagObject:
			tag, err := object.GetTag(r.st, h)
			if err != nil {
				return h, gitobj.NewObjectError("tag "+h.String()[:7], h, err, "")
			}
			h = tag.Target
		case t == plumbing.CommitObject && want == plumbing.TreeObject:
			c, err := object.GetCommit(r.st, h)
			if err != nil {
				return h, gitobj.NewObjectError("commit "+h.String()[:7], h, err, "")
			}
			return c.TreeHash, nil
		default:
			return plumbing.ZeroHash, revError(rev, "names a %s, not a %s", t, want)
		}
	}
	return plumbing.ZeroHash, revError(rev, "tags nested more than 100 deep")
}

func (r *revisions) getCommit(rev string, h plumbing.Hash) (*object.Commit, error) {
	h, err := r.peel(rev, h, plumbing.CommitObject)
	if err != nil {
		return nil, err
	}
	c, err := object.GetCommit(r.st, h)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s (%s) is not in this clone; fetch it with `git fetch`", ErrNotFetched, rev, h.String()[:7])
	}
	if err != nil {
		return nil, gitobj.NewObjectError("commit "+h.String()[:7], h, err, "")
	}
	return c, nil
}

// parent is REV^n: the nth parent, or the commit itself for n = 0.
func (r *revisions) parent(rev string, h plumbing.Hash, n int) (plumbing.Hash, error) {
	c, err := r.getCommit(rev, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if n == 0 {
		return c.Hash, nil
	}
	if n > len(c.ParentHashes) {
		return plumbing.ZeroHash, revError(rev, "commit %s has %d parent(s), not %d", c.Hash.String()[:7], len(c.ParentHashes), n)
	}
	return c.ParentHashes[n-1], nil
}

// ancestor is REV~n: n generations back along first parents.
func (r *revisions) ancestor(rev string, h plumbing.Hash, n int) (plumbing.Hash, error) {
	c, err := r.getCommit(rev, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	for i := range n {
		if len(c.ParentHashes) == 0 {
			return plumbing.ZeroHash, revError(rev, "commit %s has no parent: the history has only %d commit(s) before it", c.Hash.String()[:7], i)
		}
		if r.w.shallow[c.Hash] {
			return plumbing.ZeroHash, fmt.Errorf("%w: %s goes past commit %s, the edge of this shallow clone; fetch more with `git fetch --unshallow`", ErrNotFetched, rev, c.Hash.String()[:7])
		}
		if c, err = r.getCommit(rev, c.ParentHashes[0]); err != nil {
			return plumbing.ZeroHash, err
		}
	}
	return c.Hash, nil
}

// basic resolves a name without suffixes: a full hash, a reference with or
// without a reflog selector, or an abbreviated hash.
func (r *revisions) basic(rev, name string) (plumbing.Hash, error) {
	if len(name) == 40 && gitobj.IsHex(name) {
		return plumbing.NewHash(name), nil
	}
	if strings.HasSuffix(name, "}") {
		if i := strings.LastIndex(name, "@{"); i >= 0 {
			base, sel := name[:i], name[i+2:len(name)-1]
			switch lower := strings.ToLower(sel); {
			case strings.HasPrefix(sel, "-"):
				return plumbing.ZeroHash, refuse(rev, "@{-N}, a branch checked out before")
			case lower == "u" || lower == "upstream":
				return plumbing.ZeroHash, refuse(rev, "@{upstream}")
			case lower == "push":
				return plumbing.ZeroHash, refuse(rev, "@{push}")
			}
			n, err := strconv.Atoi(sel)
			if err != nil || n < 0 {
				return plumbing.ZeroHash, revError(rev, "coach reads reflog entries by number (HEAD@{2}), not by date; give the commit git finds instead: $(git rev-parse %s)", shellQuote(rev))
			}
			return r.reflogEntry(rev, base, n)
		}
	}
	if name == "@" {
		name = "HEAD"
	}
	ref, err := r.dwim(name)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if ref != nil {
		return ref.Hash(), nil
	}
	if len(name) >= 4 && len(name) < 40 && gitobj.IsHex(name) {
		return r.abbreviated(rev, name)
	}
	if name == "HEAD" {
		return plumbing.ZeroHash, fmt.Errorf("%w: HEAD", plumbing.ErrReferenceNotFound)
	}
	return plumbing.ZeroHash, revError(rev, "no branch, tag or commit of that name")
}

// dwimRules are the places git looks for a short name, in order.
var dwimRules = []string{"%s", "refs/%s", "refs/tags/%s", "refs/heads/%s", "refs/remotes/%s", "refs/remotes/%s/HEAD"}

// dwim finds the reference a short name means, as git does (the first rule
// that matches), resolved through symbolic references; nil when none.
func (r *revisions) dwim(name string) (*plumbing.Reference, error) {
	full, err := r.dwimName(name, func(string) bool { return true })
	if err != nil || full == "" {
		return nil, err
	}
	return r.ref(full)
}

// dwimName returns the full name of the first rule that names an existing
// reference for which ok is true, or "".
func (r *revisions) dwimName(name string, ok func(full string) bool) (string, error) {
	if !validRefName(name) {
		return "", nil
	}
	for _, rule := range dwimRules {
		full := fmt.Sprintf(rule, name)
		if rule == "%s" && !strings.HasPrefix(full, "refs/") && !allCaps(full) {
			continue // outside refs/, git reads only names like HEAD and FETCH_HEAD
		}
		ref, err := r.ref(full)
		if err != nil {
			return "", err
		}
		if ref != nil && ok(full) {
			return full, nil
		}
	}
	return "", nil
}

// ref reads a reference through symbolic references, nil when it does not
// exist.
func (r *revisions) ref(full string) (*plumbing.Reference, error) {
	ref, err := r.st.Reference(plumbing.ReferenceName(full))
	for i := 0; err == nil && ref.Type() == plumbing.SymbolicReference; i++ {
		if i > 10 {
			return nil, fmt.Errorf("%w: %s: symbolic references nested more than 10 deep", ErrDamaged, full)
		}
		ref, err = r.st.Reference(ref.Target())
	}
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil
	}
	if err != nil {
		if fi, serr := os.Stat(filepath.Join(r.w.gitDir, filepath.FromSlash(full))); serr == nil && fi.IsDir() {
			return nil, nil // refs/heads/team/ holds branches; it is not one
		}
		return nil, fmt.Errorf("%w: read the reference %s: %w", ErrDamaged, full, err)
	}
	return ref, nil
}

func allCaps(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && s[i] != '_' {
			return false
		}
	}
	return s != ""
}

// validRefName is git's check_refname_format, enough to keep a name from
// reaching outside refs/.
func validRefName(name string) bool {
	if name == "" || strings.HasSuffix(name, "/") || strings.HasSuffix(name, ".") || strings.Contains(name, "@{") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == "" || part[0] == '.' || strings.HasSuffix(part, ".lock") {
			return false
		}
	}
	for _, c := range name {
		if c < ' ' || c == 0x7f || strings.ContainsRune(" ~^:?*[\\", c) {
			return false
		}
	}
	return true
}

// abbreviated finds the one object whose hash starts with prefix; where
// several do, the one commit (or tag of a commit) among them, as git's
// rev-parse REV^{commit} does.
func (r *revisions) abbreviated(rev, prefix string) (plumbing.Hash, error) {
	found, err := r.w.obj.WithPrefix(strings.ToLower(prefix))
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if len(found) > 1 {
		var commits []plumbing.Hash
		for _, h := range found {
			if _, err := r.peel(rev, h, plumbing.CommitObject); err == nil {
				commits = append(commits, h)
			}
		}
		if len(commits) == 1 {
			return commits[0], nil
		}
		return plumbing.ZeroHash, revError(rev, "%d objects start with %s; give more of the hash", len(found), prefix)
	}
	if len(found) == 0 {
		return plumbing.ZeroHash, revError(rev, "no branch, tag or commit of that name")
	}
	return found[0], nil
}

// reflogEntry is NAME@{n}: the value the reference had n changes ago, read
// from its reflog as git's read_ref_at does. An empty name is the current
// branch.
func (r *revisions) reflogEntry(rev, name string, n int) (plumbing.Hash, error) {
	var full string
	if name == "" {
		head, err := r.st.Reference(plumbing.HEAD)
		if err != nil {
			return plumbing.ZeroHash, revError(rev, "HEAD cannot be read: %v", err)
		}
		full = "HEAD"
		if head.Type() == plumbing.SymbolicReference {
			full = head.Target().String()
		}
	} else {
		if name == "@" {
			name = "HEAD"
		}
		var err error
		full, err = r.dwimName(name, func(full string) bool { return r.logExists(full) })
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if full == "" {
			// A symbolic reference without a log reads its target's.
			if ref, err := r.st.Reference(plumbing.ReferenceName(name)); err == nil && ref.Type() == plumbing.SymbolicReference {
				if target := ref.Target().String(); r.logExists(target) {
					full = target
				}
			}
		}
		if full == "" {
			return plumbing.ZeroHash, revError(rev, "no reflog of %s: git keeps one only for references changed in this clone", name)
		}
	}
	if n == 0 {
		ref, err := r.ref(full)
		if err != nil || ref == nil {
			return plumbing.ZeroHash, revError(rev, "%s does not exist", full)
		}
		return ref.Hash(), nil
	}
	entries, err := r.reflog(full)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	short := strings.TrimPrefix(full, "refs/heads/")
	if len(entries) == 0 {
		return plumbing.ZeroHash, revError(rev, "the reflog of %s is empty", short)
	}
	cnt := n
	for i := len(entries) - 1; i >= 0; i-- {
		if cnt > 0 {
			cnt--
		}
		if cnt == 0 && !entries[i].IsZero() {
			return entries[i], nil
		}
	}
	return plumbing.ZeroHash, revError(rev, "the reflog of %s has only %d entries", short, len(entries))
}

// logPath is where git keeps the reflog of a reference: a work tree keeps
// its own for HEAD and the per-work-tree references.
func (r *revisions) logPath(full string) string {
	dir := r.w.gitDir
	if full == "HEAD" || strings.HasPrefix(full, "refs/bisect/") || strings.HasPrefix(full, "refs/worktree/") || strings.HasPrefix(full, "refs/rewritten/") {
		dir = r.w.headDir
	}
	return filepath.Join(dir, "logs", filepath.FromSlash(full))
}

func (r *revisions) logExists(full string) bool {
	fi, err := os.Stat(r.logPath(full))
	return err == nil && fi.Mode().IsRegular()
}

// reflog reads the old values of a reference from its reflog, oldest
// first.
func (r *revisions) reflog(full string) ([]plumbing.Hash, error) {
	name := r.logPath(full)
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
	}
	defer f.Close()
	var out []plumbing.Hash
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		old, rest, ok1 := strings.Cut(text, " ")
		nw, _, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 || len(old) != 40 || len(nw) != 40 || !gitobj.IsHex(old) || !gitobj.IsHex(nw) {
			return nil, fmt.Errorf("%w: %s:%d: not a reflog entry", ErrDamaged, name, line)
		}
		out = append(out, plumbing.NewHash(old))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
	}
	return out, nil
}
