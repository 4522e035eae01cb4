package history

import (
	"bytes"
	"strings"

	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/go-git/go-git/v5/plumbing"
)

// A skills/ tree of a large team holds hundreds of entries, and a commit
// changes one or two. Decoding whole trees into objects and maps dominated
// the walk, so trees are compared as raw bytes: entries are
// "<mode> <name>\x00<20-byte hash>", sorted by git's rule (a subtree's name
// sorts as if it ended in '/'), and a merge walk over two such lists finds
// the changed entries without allocating for the others.

type entry struct {
	id   string // the file's stem: the person id
	hash plumbing.Hash
}

type treeDiff struct {
	added, deleted []entry
	modified       [][2]entry // old, new
	// skipped are the entries named like skill files that are not files
	// (a submodule, a symbolic link), added or changed: no version to
	// read, a warning each.
	skipped []skippedEntry
}

type skippedEntry struct {
	entry
	what string // "a submodule", "a symbolic link"
}

// notAFile says what a raw tree entry is when it is neither a file nor a
// tree, "" otherwise: git writes a submodule as a gitlink, mode 160000,
// whose hash is a commit of another repository, and a symbolic link as a
// blob holding the path it leads to.
func notAFile(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("160000 ")):
		return "a submodule (a gitlink to a commit of another repository)"
	case bytes.HasPrefix(b, []byte("120000 ")):
		return "a symbolic link"
	case bytes.HasPrefix(b, []byte("100")), bytes.HasPrefix(b, []byte("40000 ")):
		return ""
	}
	return "not a file"
}

// rawTree returns the bytes of tree h, reading each tree once while it is
// still likely to be needed (a commit's tree is its child's parent tree).
func (r *reader) rawTree(h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	if b, ok := r.raw[h]; ok {
		return b, nil
	}
	b, err := r.s.Read(plumbing.TreeObject, h)
	if err != nil {
		err = gitobj.NewObjectError("a skills/ tree", h, err, r.promisor)
		if r.err == nil {
			r.err = err
		}
		return nil, err
	}
	if len(r.raw) >= 16 {
		clear(r.raw)
	}
	r.raw[h] = b
	return b, nil
}

// skillEntry reports whether a tree entry is a skill file, and its id.
func skillEntry(name []byte, isTree bool) (string, bool) {
	if isTree || !bytes.HasSuffix(name, []byte(".toml")) {
		return "", false
	}
	return strings.TrimSuffix(string(name), ".toml"), true
}

// diffTrees compares two raw skills/ trees.
func diffTrees(old, cur []byte) treeDiff {
	var d treeDiff
	for {
		// Most entries are the same on both sides: skip them byte for byte.
		for len(old) > 0 && len(cur) > 0 {
			n := gitobj.EntryLen(old)
			if n == 0 || n > len(cur) || !bytes.Equal(old[:n], cur[:n]) {
				break
			}
			old, cur = old[n:], cur[n:]
		}
		oOther, cOther := notAFile(old), notAFile(cur)
		on, oTree, oHash, oRest, oOK := gitobj.NextEntry(old)
		cn, cTree, cHash, cRest, cOK := gitobj.NextEntry(cur)
		if !oOK && !cOK {
			return d
		}
		c := 0
		switch {
		case !oOK:
			c = 1
		case !cOK:
			c = -1
		default:
			c = gitobj.CompareNames(on, oTree, cn, cTree)
		}
		// An entry that is not a file is no version of a skill file: one
		// that becomes a file is added, one a file becomes is deleted.
		switch {
		case c < 0:
			if id, ok := skillEntry(on, oTree); ok && oOther == "" {
				d.deleted = append(d.deleted, entry{id, oHash})
			}
			old = oRest
		case c > 0:
			if id, ok := skillEntry(cn, cTree); ok && cOther == "" {
				d.added = append(d.added, entry{id, cHash})
			} else if ok {
				d.skipped = append(d.skipped, skippedEntry{entry{id, cHash}, cOther})
			}
			cur = cRest
		default:
			id, isFile := skillEntry(cn, cTree)
			_, wasFile := skillEntry(on, oTree)
			wasFile = wasFile && oOther == ""
			switch {
			case oHash == cHash && (oOther == "") == (cOther == ""):
			case isFile && cOther != "":
				d.skipped = append(d.skipped, skippedEntry{entry{id, cHash}, cOther})
				if wasFile {
					d.deleted = append(d.deleted, entry{id, oHash})
				}
			case isFile && wasFile:
				d.modified = append(d.modified, [2]entry{{id, oHash}, {id, cHash}})
			case isFile:
				d.added = append(d.added, entry{id, cHash})
			}
			old, cur = oRest, cRest
		}
	}
}

// lookup finds a skill file's blob in a raw tree: a file, not a
// submodule or a link of that name.
func lookup(tree []byte, id string) (plumbing.Hash, bool) {
	h, other, ok := lookupAny(tree, id)
	return h, ok && other == ""
}

// lookupAny finds the entry named like id's skill file, file or not, and
// says what it is when it is not a file (see notAFile).
func lookupAny(tree []byte, id string) (plumbing.Hash, string, bool) {
	want := []byte(id + ".toml")
	for raw := tree; ; {
		name, isTree, hash, rest, ok := gitobj.NextEntry(raw)
		if !ok {
			return plumbing.ZeroHash, "", false
		}
		if !isTree && bytes.Equal(name, want) {
			return hash, notAFile(raw), true
		}
		raw = rest
	}
}

// countEntries is the number of entries of a raw tree.
func countEntries(tree []byte) int {
	n := 0
	for l := gitobj.EntryLen(tree); l > 0; l = gitobj.EntryLen(tree) {
		tree = tree[l:]
		n++
	}
	return n
}
