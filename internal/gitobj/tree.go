package gitobj

import (
	"bytes"
	"io"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Trees are read as raw bytes: entries are "<mode> <name>\x00<20-byte
// hash>", sorted by git's rule (a subtree's name sorts as if it ended in
// '/'), so a walk over two such lists finds the changed entries without
// allocating for the others.

// ReadObject returns the content of one object.
func ReadObject(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	return readObjectMax(s, t, h, 0)
}

// readObjectMax is ReadObject refusing, with a *TooLargeError, an object
// over max bytes (0: no limit) before it is read: its size comes from the
// header of its loose object or pack entry (see ReadBlob).
func readObjectMax(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash, max int64) ([]byte, error) {
	if max > 0 {
		size, err := s.EncodedObjectSize(h)
		if err != nil {
			return nil, err
		}
		if size > max {
			return nil, &TooLargeError{size}
		}
	}
	obj, err := s.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	if max == 0 {
		return io.ReadAll(rd)
	}
	// The object may not be the size its header said.
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err == nil && int64(len(data)) > max {
		return nil, &TooLargeError{obj.Size()}
	}
	return data, err
}

// ReadBlob reads blob h unless it is over max bytes, which it reports with
// a *TooLargeError without inflating the object: from the mapped packs when
// s reads them (see Store.ReadMax), else through go-git's storage, which
// reads a loose object's size from its header and a packed one's from its
// entry.
func ReadBlob(s storer.EncodedObjectStorer, h plumbing.Hash, max int64) ([]byte, error) {
	if o, ok := s.(interface {
		ReadMax(plumbing.ObjectType, plumbing.Hash, int64) ([]byte, error)
	}); ok {
		return o.ReadMax(plumbing.BlobObject, h, max)
	}
	return readObjectMax(s, plumbing.BlobObject, h, max)
}

// NextEntry splits the first entry off a raw tree. ok is false at the end or
// on a malformed tree. It allocates nothing: it runs for every entry of
// every changed tree.
func NextEntry(b []byte) (name []byte, isTree bool, hash plumbing.Hash, rest []byte, ok bool) {
	sp := bytes.IndexByte(b, ' ')
	if sp < 0 {
		return nil, false, hash, nil, false
	}
	nul := bytes.IndexByte(b[sp+1:], 0)
	if nul < 0 || sp+1+nul+1+20 > len(b) {
		return nil, false, hash, nil, false
	}
	name = b[sp+1 : sp+1+nul]
	copy(hash[:], b[sp+1+nul+1:])
	return name, string(b[:sp]) == "40000", hash, b[sp+1+nul+1+20:], true
}

// EntryLen is the length of the first raw entry, or 0 when malformed.
func EntryLen(b []byte) int {
	nul := bytes.IndexByte(b, 0)
	if nul < 0 || nul+21 > len(b) {
		return 0
	}
	return nul + 21
}

// CompareNames orders entry names as git sorts a tree.
func CompareNames(a []byte, aTree bool, b []byte, bTree bool) int {
	n := min(len(a), len(b))
	if c := bytes.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	at, bt := byte(0), byte(0)
	if len(a) > n {
		at = a[n]
	} else if aTree {
		at = '/'
	}
	if len(b) > n {
		bt = b[n]
	} else if bTree {
		bt = '/'
	}
	switch {
	case at < bt:
		return -1
	case at > bt:
		return 1
	}
	return 0
}

// Subtree follows a slash path from the tree root and returns the hash of
// the tree it names, or zero when there is none.
func Subtree(s storer.EncodedObjectStorer, root plumbing.Hash, p string) (plumbing.Hash, error) {
	o, ok := s.(*Store)
	if !ok {
		o = newObjectStore(s, nil)
	}
	h := root
	for _, name := range strings.Split(p, "/") {
		t, err := o.Read(plumbing.TreeObject, h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		next := plumbing.ZeroHash
		for n, isTree, eh, rest, ok := NextEntry(t); ok; n, isTree, eh, rest, ok = NextEntry(rest) {
			if isTree && string(n) == name {
				next = eh
				break
			}
		}
		if next.IsZero() {
			return plumbing.ZeroHash, nil
		}
		h = next
	}
	return h, nil
}
