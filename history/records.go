package history

import (
	"bytes"
	"encoding/binary"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5/plumbing"
)

// What a commit changed is kept encoded, from the moment a worker finds it
// to the moment Read returns: a change as a skills.Change is over 200
// bytes, and a history of 100,000 commits holds hundreds of thousands of
// them, most of which one person's history never looks at. Encoded, a
// change costs a few bytes: its strings are indexes into a table that
// holds each string once. The same encoding is the body of the cache file,
// so a warm run reads its records without decoding them, and Read decodes
// only the changes it returns.
//
// A record is:
//
//	hash [20]byte | flags | author date (unix, zone) | author | email |
//	subject | file count | files
//
// a file is its id, a warning and its changes; a change is its kind,
// skill, from, to, text and date. Strings are uvarint indexes into the
// chunk's table, numbers are varints.

// chunk is encoded records and the strings they name.
type chunk struct {
	strs []string
	body []byte
}

// recordRef locates one commit's record.
type recordRef struct {
	ch       *chunk
	off      int
	hash     plumbing.Hash
	when     int64 // the author date, for the order of the history
	boundary bool
	changes  int // how many changes it holds
}

const flagBoundary = 1

// chunkWriter encodes records into a chunk.
type chunkWriter struct {
	index map[string]uint64
	c     *chunk
}

func newChunkWriter() *chunkWriter {
	return &chunkWriter{index: map[string]uint64{"": 0}, c: &chunk{strs: []string{""}}}
}

func (w *chunkWriter) str(s string) {
	i, ok := w.index[s]
	if !ok {
		i = uint64(len(w.c.strs))
		w.index[s] = i
		w.c.strs = append(w.c.strs, s)
	}
	w.c.body = binary.AppendUvarint(w.c.body, i)
}

func (w *chunkWriter) uvarint(v uint64) { w.c.body = binary.AppendUvarint(w.c.body, v) }
func (w *chunkWriter) varint(v int64)   { w.c.body = binary.AppendVarint(w.c.body, v) }

// when encodes a time as its unix seconds and its zone: 0 for UTC, else
// one more than the zigzagged offset.
func (w *chunkWriter) when(t time.Time) {
	w.varint(t.Unix())
	zone := uint64(0)
	if t.Location() != time.UTC {
		_, off := t.Zone()
		zone = zigzag(int64(off)) + 1
	}
	w.uvarint(zone)
}

// record encodes what commit n changed, and returns where it is.
func (w *chunkWriter) record(n *commit, boundary bool, files []fileChange) recordRef {
	ref := recordRef{ch: w.c, off: len(w.c.body), hash: n.Hash, when: n.When.Unix(), boundary: boundary}
	w.c.body = append(w.c.body, n.Hash[:]...)
	flags := uint64(0)
	if boundary {
		flags = flagBoundary
	}
	w.uvarint(flags)
	w.when(n.When)
	w.str(n.Author)
	w.str(n.Email)
	w.str(n.Subject)
	w.uvarint(uint64(len(files)))
	for _, f := range files {
		w.str(f.ID)
		w.str(f.Warning)
		w.uvarint(uint64(len(f.Changes)))
		ref.changes += len(f.Changes)
		for _, c := range f.Changes {
			w.str(string(c.Kind))
			w.str(c.Skill)
			w.str(c.From)
			w.str(c.To)
			w.str(c.Text)
			extra := uint64(0)
			if !c.On.IsZero() {
				extra |= extraOn
			}
			if len(c.Skills) > 0 {
				extra |= extraSkills
			}
			w.uvarint(extra)
			if extra&extraOn != 0 {
				w.varint(c.On.Unix())
			}
			if extra&extraSkills != 0 {
				w.uvarint(uint64(len(c.Skills)))
				for _, id := range c.Skills {
					w.str(id)
				}
			}
		}
	}
	return ref
}

// The bits of the number that ends a change's record, saying what follows
// it: the date of an evidence entry or a goal, then a goal's skills.
const (
	extraOn     = 1
	extraSkills = 2
)

// copyRecord encodes the record at off of src again into w, with w's
// strings, and returns where it is now.
func (w *chunkWriter) copyRecord(src *chunk, off int) recordRef {
	r := recordReader{decoder{src.body[off:]}, src}
	ref := recordRef{ch: w.c, off: len(w.c.body)}
	copy(ref.hash[:], r.bytes(20))
	w.c.body = append(w.c.body, ref.hash[:]...)
	flags := r.uvarint()
	ref.boundary = flags&flagBoundary != 0
	w.uvarint(flags)
	ref.when = r.varint()
	w.varint(ref.when)
	w.uvarint(r.uvarint())
	for range 3 {
		w.str(r.str())
	}
	nf := r.uvarint()
	w.uvarint(nf)
	for range nf {
		w.str(r.str())
		w.str(r.str())
		nc := r.uvarint()
		w.uvarint(nc)
		ref.changes += int(nc)
		for range nc {
			for range 5 {
				w.str(r.str())
			}
			extra := r.uvarint()
			w.uvarint(extra)
			if extra&extraOn != 0 {
				w.varint(r.varint())
			}
			if extra&extraSkills != 0 {
				n := r.uvarint()
				w.uvarint(n)
				for range n {
					w.str(r.str())
				}
			}
		}
	}
	return ref
}

// recordReader decodes records. The records of the walk are read as they
// were written; those of a cache file are checked first (see scanRecords),
// so a malformed one panics with decodeError only while being checked.
type recordReader struct {
	decoder // the bytes left; see cache.go
	c       *chunk
}

func (r *recordReader) str() string {
	i := r.uvarint()
	if i >= uint64(len(r.c.strs)) {
		r.fail()
	}
	return r.c.strs[i]
}

// scanRecords checks the records of a chunk, all of them to the end of its
// body, and returns where each one is. It panics with decodeError on a
// malformed one.
func scanRecords(c *chunk, n int) []recordRef {
	refs := make([]recordRef, 0, n)
	r := recordReader{decoder{c.body}, c}
	for len(r.b) > 0 {
		ref := recordRef{ch: c, off: len(c.body) - len(r.b)}
		copy(ref.hash[:], r.bytes(20))
		flags := r.uvarint()
		if flags > flagBoundary {
			r.fail()
		}
		ref.boundary = flags == flagBoundary
		ref.when = r.varint()
		r.uvarint()
		r.str()
		r.str()
		r.str()
		nf := r.count(3)
		for range nf {
			r.str()
			r.str()
			nc := r.count(6)
			ref.changes += int(nc)
			for range nc {
				if skills.Kind(r.str()) == "" {
					r.fail()
				}
				r.str()
				r.str()
				r.str()
				r.str()
				extra := r.uvarint()
				if extra > extraOn|extraSkills {
					r.fail()
				}
				if extra&extraOn != 0 {
					r.varint()
				}
				if extra&extraSkills != 0 {
					for range r.count(1) {
						r.str()
					}
				}
			}
		}
		refs = append(refs, ref)
	}
	return refs
}

// decoded is a record as Read uses it.
type decoded struct {
	when                   time.Time
	author, email, subject string
	files                  []fileChange
}

// zones keeps one *time.Location per offset.
type zones map[int64]*time.Location

func (z zones) at(unix int64, zone uint64) time.Time {
	t := time.Unix(unix, 0).UTC()
	if zone == 0 {
		return t
	}
	off := unzigzag(zone - 1)
	loc := z[off]
	if loc == nil {
		loc = time.FixedZone("", int(off))
		z[off] = loc
	}
	return t.In(loc)
}

// decode reads the record ref points to into d, whose slices it reuses:
// the changes are copied out of it before the next record is read. The
// changes of the files for which keep returns false are skipped, not
// decoded, except renames (their ids are read).
func (ref recordRef) decode(z zones, keep func(id string) bool, d *decoded) {
	r := recordReader{decoder{ref.ch.body[ref.off+20:]}, ref.ch}
	r.uvarint()
	unix := r.varint()
	d.when = z.at(unix, r.uvarint())
	d.author, d.email, d.subject = r.str(), r.str(), r.str()
	nf := int(r.uvarint())
	if cap(d.files) < nf {
		d.files = make([]fileChange, nf)
	}
	d.files = d.files[:nf]
	for i := range d.files {
		f := &d.files[i]
		f.ID, f.Warning = r.str(), r.str()
		nc := r.uvarint()
		take := keep(f.ID)
		f.Changes = f.Changes[:0]
		for range nc {
			kind := skills.Kind(r.str())
			if !take && kind != skills.KindRenamed {
				r.str()
				r.str()
				r.str()
				r.str()
				extra := r.uvarint()
				if extra&extraOn != 0 {
					r.varint()
				}
				if extra&extraSkills != 0 {
					for range r.uvarint() {
						r.str()
					}
				}
				continue
			}
			c := skills.Change{Person: f.ID, Kind: kind}
			c.Skill, c.From, c.To, c.Text = r.str(), r.str(), r.str(), r.str()
			extra := r.uvarint()
			if extra&extraOn != 0 {
				c.On = time.Unix(r.varint(), 0).UTC()
			}
			if extra&extraSkills != 0 {
				c.Skills = make([]string, r.uvarint())
				for i := range c.Skills {
					c.Skills[i] = r.str()
				}
			}
			f.Changes = append(f.Changes, c)
		}
	}
}

// before orders records by author date, then by hash.
func (ref recordRef) before(o recordRef) bool {
	if ref.when != o.when {
		return ref.when < o.when
	}
	return bytes.Compare(ref.hash[:], o.hash[:]) < 0
}
