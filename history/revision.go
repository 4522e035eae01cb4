package history

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	gitstorage "github.com/go-git/go-git/v5/storage"
)

// Revisions are resolved here as `git rev-parse --verify REV^{commit}` does
// (gitrevisions(7)), reading git's files through go-git's storage: go-git's
// ResolveRevision reads no reflog, and answers HEAD@{2} and HEAD^{tree} with
// HEAD itself, and HEAD~3^2 with an EOF. The forms git documents
// are parsed the way git parses them, from the right; the few that coach does
// not read (a reflog entry by date, @{push}, a file rev:path) are an error
// that names the revision and says what to give instead. No form ever falls
// back to another revision.

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
	if strings.HasPrefix(name, ":") {
		if strings.HasPrefix(name, ":/") && len(name) > 2 {
			return r.searchAll(rev, name[2:])
		}
		return plumbing.ZeroHash, revError(rev, "names a file in the index, not a commit")
	}
	if strings.HasSuffix(name, "}") {
		if i := strings.LastIndex(name, "^{"); i >= 0 {
			h, err := r.resolve(rev, name[:i])
			if err != nil {
				return h, err
			}
			return r.onion(rev, h, name[i+2:len(name)-1])
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

// onion applies a ^{...} suffix.
func (r *revisions) onion(rev string, h plumbing.Hash, what string) (plumbing.Hash, error) {
	switch what {
	case "":
		return r.peel(rev, h, plumbing.AnyObject)
	case "commit":
		return r.peel(rev, h, plumbing.CommitObject)
	case "tree":
		return r.peel(rev, h, plumbing.TreeObject)
	case "blob":
		return r.peel(rev, h, plumbing.BlobObject)
	case "tag":
		if t, err := r.objectType(rev, h); err != nil || t == plumbing.TagObject {
			return h, err
		}
		return plumbing.ZeroHash, revError(rev, "%s is not a tag", h.String()[:7])
	case "object":
		_, err := r.objectType(rev, h)
		return h, err
	}
	if re, ok := strings.CutPrefix(what, "/"); ok {
		c, err := r.peel(rev, h, plumbing.CommitObject)
		if err != nil {
			return c, err
		}
		return r.search(rev, re, []plumbing.Hash{c})
	}
	return plumbing.ZeroHash, revError(rev, "^{%s} is not a type git knows (commit, tree, blob, tag, object, /text)", what)
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
// without a reflog selector, @{-n}, @{upstream}, or an abbreviated hash.
func (r *revisions) basic(rev, name string) (plumbing.Hash, error) {
	if len(name) == 40 && isHex(name) {
		return plumbing.NewHash(name), nil
	}
	base, sel, hasSel := name, "", false
	if strings.HasSuffix(name, "}") {
		if i := strings.LastIndex(name, "@{"); i >= 0 {
			base, sel, hasSel = name[:i], name[i+2:len(name)-1], true
		}
	}
	if hasSel && strings.HasPrefix(sel, "-") {
		if base != "" {
			return plumbing.ZeroHash, revError(rev, "@{-N} stands alone: it is the Nth branch checked out before this one")
		}
		n, err := strconv.Atoi(sel[1:])
		if err != nil || n < 1 {
			return plumbing.ZeroHash, revError(rev, "@{%s} needs a number of checkouts back", sel)
		}
		prior, err := r.priorCheckout(rev, n)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		return r.basic(rev, prior)
	}
	if hasSel {
		switch strings.ToLower(sel) {
		case "u", "upstream":
			ref, err := r.upstream(rev, base)
			if err != nil {
				return plumbing.ZeroHash, err
			}
			return r.basic(rev, ref.String())
		case "push":
			return plumbing.ZeroHash, revError(rev, "coach does not read @{push}; give the remote branch (origin/NAME)")
		}
		n, err := strconv.Atoi(sel)
		if err != nil || n < 0 {
			return plumbing.ZeroHash, revError(rev, "coach reads reflog entries by number (HEAD@{2}), not by date; give the commit git finds instead: $(git rev-parse '%s')", rev)
		}
		return r.reflogEntry(rev, base, n)
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
	if len(name) >= 4 && len(name) < 40 && isHex(name) {
		return r.abbreviated(rev, name)
	}
	if name == "HEAD" {
		return plumbing.ZeroHash, fmt.Errorf("%w: HEAD", plumbing.ErrReferenceNotFound)
	}
	return plumbing.ZeroHash, revError(rev, "no branch, tag or commit of that name")
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
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
		if cnt == 0 && !entries[i].old.IsZero() {
			return entries[i].old, nil
		}
	}
	return plumbing.ZeroHash, revError(rev, "the reflog of %s has only %d entries", short, len(entries))
}

type reflogLine struct {
	old, new plumbing.Hash
	message  string
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

// reflog reads the reflog of a reference, oldest first.
func (r *revisions) reflog(full string) ([]reflogLine, error) {
	name := r.logPath(full)
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
	}
	defer f.Close()
	var out []reflogLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		old, rest, ok1 := strings.Cut(text, " ")
		nw, _, ok2 := strings.Cut(rest, " ")
		_, msg, _ := strings.Cut(text, "\t")
		if !ok1 || !ok2 || len(old) != 40 || len(nw) != 40 || !isHex(old) || !isHex(nw) {
			return nil, fmt.Errorf("%w: %s:%d: not a reflog entry", ErrDamaged, name, line)
		}
		out = append(out, reflogLine{plumbing.NewHash(old), plumbing.NewHash(nw), msg})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
	}
	return out, nil
}

// priorCheckout is @{-n}: the branch (or commit) checked out n checkouts
// ago, from HEAD's reflog.
func (r *revisions) priorCheckout(rev string, n int) (string, error) {
	entries, err := r.reflog("HEAD")
	if err != nil {
		return "", err
	}
	for i := len(entries) - 1; i >= 0; i-- {
		from, ok := strings.CutPrefix(entries[i].message, "checkout: moving from ")
		if !ok {
			continue
		}
		if from, _, ok = strings.Cut(from, " to "); !ok {
			continue
		}
		if n--; n == 0 {
			return from, nil
		}
	}
	return "", revError(rev, "HEAD's reflog does not go back that many checkouts")
}

// upstream is NAME@{upstream}: the remote-tracking branch that branch NAME
// (the current branch when empty) merges from.
func (r *revisions) upstream(rev, name string) (plumbing.ReferenceName, error) {
	if name == "" || name == "@" || name == "HEAD" {
		head, err := r.st.Reference(plumbing.HEAD)
		if err != nil || head.Type() != plumbing.SymbolicReference {
			return "", revError(rev, "HEAD is not on a branch")
		}
		name = head.Target().Short()
	}
	name = strings.TrimPrefix(name, "refs/heads/")
	cfg, err := r.st.Config()
	if err != nil {
		return "", fmt.Errorf("%w: read the config: %w", ErrDamaged, err)
	}
	b := cfg.Branches[name]
	if b == nil || b.Remote == "" || b.Merge == "" {
		return "", revError(rev, "branch %s has no upstream; set one with `git branch --set-upstream-to`", name)
	}
	if b.Remote == "." {
		return b.Merge, nil
	}
	remote := cfg.Remotes[b.Remote]
	if remote == nil {
		return "", revError(rev, "branch %s merges from remote %s, which is not configured", name, b.Remote)
	}
	for _, spec := range remote.Fetch {
		if config.RefSpec(spec).Match(b.Merge) {
			return config.RefSpec(spec).Dst(b.Merge), nil
		}
	}
	return "", revError(rev, "no remote-tracking branch of %s from %s is fetched", b.Merge, b.Remote)
}

// searchAll is :/TEXT: the newest commit, reachable from any reference,
// whose message matches.
func (r *revisions) searchAll(rev, re string) (plumbing.Hash, error) {
	refs, err := r.st.IterReferences()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	var starts []plumbing.Hash
	add := func(h plumbing.Hash) {
		if c, err := r.peel(rev, h, plumbing.CommitObject); err == nil {
			starts = append(starts, c)
		}
	}
	if head, err := r.ref("HEAD"); err == nil && head != nil {
		add(head.Hash())
	}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference && strings.HasPrefix(ref.Name().String(), "refs/") {
			add(ref.Hash())
		}
		return nil
	})
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return r.search(rev, re, starts)
}

// search is git's get_oid_oneline: from starts, newest commit date first,
// the first commit whose message matches re ("!-" negates it, "!!" is a
// literal "!").
func (r *revisions) search(rev, re string, starts []plumbing.Hash) (plumbing.Hash, error) {
	negate := false
	if rest, ok := strings.CutPrefix(re, "!"); ok {
		switch {
		case strings.HasPrefix(rest, "-"):
			negate, re = true, rest[1:]
		case strings.HasPrefix(rest, "!"):
			re = rest
		default:
			return plumbing.ZeroHash, revError(rev, "/!%s: after /! git accepts only - (not matching) or ! (a literal !)", rest)
		}
	}
	pattern, err := regexp.Compile(re)
	if err != nil {
		return plumbing.ZeroHash, revError(rev, "%s is not a regular expression: %v", re, err)
	}
	seen := map[plumbing.Hash]bool{}
	var queue []*object.Commit // newest committer date first
	push := func(h plumbing.Hash) error {
		if seen[h] {
			return nil
		}
		seen[h] = true
		c, err := r.getCommit(rev, h)
		if err != nil {
			return err
		}
		i := 0
		for i < len(queue) && !queue[i].Committer.When.Before(c.Committer.When) {
			i++
		}
		queue = append(queue[:i], append([]*object.Commit{c}, queue[i:]...)...)
		return nil
	}
	for _, h := range starts {
		if err := push(h); err != nil {
			return plumbing.ZeroHash, err
		}
	}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if pattern.MatchString(c.Message) != negate {
			return c.Hash, nil
		}
		if r.w.shallow[c.Hash] {
			continue
		}
		for _, p := range c.ParentHashes {
			if err := push(p); err != nil {
				return plumbing.ZeroHash, err
			}
		}
	}
	return plumbing.ZeroHash, revError(rev, "no commit's message matches %s", re)
}
