package gitobj

import (
	"bytes"
	"encoding/binary"
	"errors"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
)

// packIndex is a pack's .idx file (version 2), read in place from its
// mapping: go-git's MemoryIndex copies the hashes and offsets of every
// object into the heap (13 MiB for the 480,000 objects of a history of
// 100,000 commits) and remembers every offset it finds.
type packIndex struct {
	data     []byte
	fanout   []byte // 256 big-endian counts
	names    []byte // n hashes, sorted
	offset32 []byte // n offsets; the top bit set: an index into offset64
	offset64 []byte
	n        int
	// packSum is the checksum of the pack it indexes.
	packSum []byte
}

var errIndexFormat = errors.New("not a version 2 pack index")

// parsePackIndex reads the layout of an index whose own checksum is
// already checked.
func parsePackIndex(data []byte) (*packIndex, error) {
	const header = 8 + 256*4
	if len(data) < header+2*20 || !bytes.Equal(data[:8], []byte{0xff, 't', 'O', 'c', 0, 0, 0, 2}) {
		return nil, errIndexFormat
	}
	x := &packIndex{data: data, fanout: data[8:header]}
	prev := uint32(0)
	for i := range 256 {
		c := binary.BigEndian.Uint32(x.fanout[4*i:])
		if c < prev {
			return nil, errors.New("its fan-out table is not in order")
		}
		prev = c
	}
	x.n = int(prev)
	rest := len(data) - header - 2*20
	if x.n > rest/28 {
		return nil, errors.New("it is shorter than the objects it counts")
	}
	large := rest - 28*x.n
	if large%8 != 0 {
		return nil, errors.New("its 64-bit offsets are cut short")
	}
	x.names = data[header : header+20*x.n]
	at := header + 24*x.n // past the names and the CRC-32s
	x.offset32 = data[at : at+4*x.n]
	x.offset64 = data[at+4*x.n : at+4*x.n+large]
	x.packSum = data[len(data)-40 : len(data)-20]
	return x, nil
}

// hash is the i-th hash, in sorted order.
func (x *packIndex) hash(i int) (h plumbing.Hash) {
	copy(h[:], x.names[20*i:])
	return h
}

// offset is the offset in the pack of the i-th object.
func (x *packIndex) offset(i int) (int64, error) {
	off := uint64(binary.BigEndian.Uint32(x.offset32[4*i:]))
	if off&(1<<31) != 0 {
		j := 8 * (off &^ (1 << 31))
		if j+8 > uint64(len(x.offset64)) {
			return 0, errors.New("a 64-bit offset out of range")
		}
		off = binary.BigEndian.Uint64(x.offset64[j:])
	}
	return int64(off), nil
}

// span is the range of the hashes whose first byte is b.
func (x *packIndex) span(b byte) (lo, hi int) {
	if b > 0 {
		lo = int(binary.BigEndian.Uint32(x.fanout[4*(int(b)-1):]))
	}
	return lo, int(binary.BigEndian.Uint32(x.fanout[4*int(b):]))
}

// find returns the offset of object h, or ErrObjectNotFound.
func (x *packIndex) find(h plumbing.Hash) (int64, error) {
	lo, hi := x.span(h[0])
	i, found := sort.Find(hi-lo, func(i int) int { return bytes.Compare(h[:], x.names[20*(lo+i):20*(lo+i)+20]) })
	if !found {
		return 0, plumbing.ErrObjectNotFound
	}
	return x.offset(lo + i)
}
