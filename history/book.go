package history

import (
	"encoding/hex"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A view is the history of one revision, read from a cacheFile (the cache,
// or what a walk just read, in the same form): which of its commits the
// revision reaches, and whose, by today's id, each file entry is. Renames
// make the difference: a file named alice at a commit is bob's today when
// a later commit renamed alice to bob. The view finds that from the list
// of renames alone, newest first, as git log --follow would for every file
// at once, and then, for each person, the entries of the files that were
// theirs and when; one person's history decodes those entries and no
// others.

// place is one entry of a person's history: entry of group, at rank.
type place struct{ rank, group, entry int32 }

// point is where a file id starts to mean another person, going back in
// time: commits below rank name, by the id, the person to (an index into
// strs).
type point struct {
	rank int32
	to   uint32
}

type view struct {
	c       *cacheFile
	reached []bool // by rank
	person  string // Options.Person; "": everyone
	points  map[uint32][]point
	own     map[string][]place // by today's id, newest first; within a commit by file id
	people  []string           // the keys of own, sorted
	// hexes holds the hashes of the commits, by rank, in hex: made once
	// for a history that decodes most of them (see allHexes).
	hexes string
}

// allHexes fills v.hexes, so that everyone's changes share one string for
// all their commits' hashes.
func (v *view) allHexes() {
	if v.hexes != "" || len(v.c.commits) == 0 {
		return
	}
	b := make([]byte, 40*len(v.c.commits))
	for r, bc := range v.c.commits {
		hex.Encode(b[40*r:], v.c.hashes[bc.at][:])
	}
	v.hexes = string(b)
}

// newView reads the history of the commits seen marks (by index into
// c.hashes). With person set, only the entries of that person's files are
// placed.
func newView(c *cacheFile, seen []bool, person string) *view {
	v := &view{c: c, person: person, points: map[uint32][]point{}, own: map[string][]place{}}
	v.reached = make([]bool, len(c.commits))
	for r, bc := range c.commits {
		v.reached[r] = seen[bc.at]
	}
	// The renames, newest first: a rename applies to the commits before
	// it, all of a commit's renames at once.
	today := map[uint32]uint32{}
	now := func(id uint32) uint32 {
		if t, ok := today[id]; ok {
			return t
		}
		return id
	}
	var targets []uint32
	for i := len(c.renames) - 1; i >= 0; {
		j := i
		for j >= 0 && c.renames[j].rank == c.renames[i].rank {
			j--
		}
		if v.reached[c.renames[i].rank] {
			targets = targets[:0]
			for k := j + 1; k <= i; k++ {
				targets = append(targets, now(c.renames[k].to))
			}
			for k := j + 1; k <= i; k++ {
				rn := c.renames[k]
				today[rn.from] = targets[k-j-1]
				v.points[rn.from] = append(v.points[rn.from], point{rn.rank, targets[k-j-1]})
			}
		}
		i = j
	}
	// The files that were the person's, at some time.
	var mine map[uint32]bool
	if person != "" {
		mine = map[uint32]bool{}
		for id, pts := range v.points {
			for _, p := range pts {
				if c.strs[p.to] == person {
					mine[id] = true
				}
			}
		}
	}
	// Each group's entries, newest first, go to the person the file was at
	// each; a person whose entries come from several files (renamed) has
	// them sorted once all are placed.
	lastGroup := map[string]int32{}
	several := map[string]bool{}
	for gi := range c.groups {
		g := &c.groups[gi]
		if mine != nil && !mine[g.id] && c.strs[g.id] != person {
			continue
		}
		pts := v.points[g.id]
		who, k := g.id, 0
		var cur []place
		name, open := "", false
		flush := func() {
			if !open {
				return
			}
			if last, ok := lastGroup[name]; ok && last != int32(gi) {
				several[name] = true
			}
			lastGroup[name] = int32(gi)
			v.own[name] = cur
		}
		for i := len(g.ranks) - 1; i >= 0; i-- {
			r := g.ranks[i]
			for k < len(pts) && pts[k].rank > r {
				who = pts[k].to
				k++
			}
			if !v.reached[r] {
				continue
			}
			if !open || c.strs[who] != name {
				flush()
				name, open = c.strs[who], true
				cur = v.own[name]
			}
			cur = append(cur, place{r, int32(gi), int32(i)})
		}
		flush()
	}
	for name := range several {
		// Newest first; within a commit in the order of the files.
		slices.SortFunc(v.own[name], func(a, b place) int {
			if a.rank != b.rank {
				return int(b.rank - a.rank)
			}
			return int(a.group - b.group)
		})
	}
	if person != "" {
		for name := range v.own {
			if name != person {
				delete(v.own, name)
			}
		}
	}
	for name := range v.own {
		v.people = append(v.people, name)
	}
	slices.Sort(v.people)
	return v
}

// whoAt is the person whose file is named id at the commit of rank r.
func (v *view) whoAt(id uint32, r int32) uint32 {
	who := id
	for _, p := range v.points[id] {
		if p.rank <= r {
			break
		}
		who = p.to
	}
	return who
}

// valid checks the entries the view places: what one person's history
// reads of a cache, or, for everyone, all of it.
func (v *view) valid() bool {
	ns := uint64(len(v.c.strs))
	for _, name := range v.people {
		for _, p := range v.own[name] {
			from, to := v.c.groups[p.group].entry(int(p.entry))
			if !validEntry(v.c.body[from:to], ns) {
				return false
			}
		}
	}
	return true
}

// valid checks every entry of the cache, before what it holds is merged
// with what a walk read.
func (c *cacheFile) valid() bool {
	ns := uint64(len(c.strs))
	for gi := range c.groups {
		g := &c.groups[gi]
		for i := range g.ranks {
			from, to := g.entry(i)
			if !validEntry(c.body[from:to], ns) {
				return false
			}
		}
	}
	return true
}

// validEntry reports whether b is one entry, well formed.
func validEntry(b []byte, ns uint64) (ok bool) {
	defer func() {
		if e := recover(); e != nil {
			if _, isDecode := e.(decodeError); !isDecode {
				panic(e)
			}
			ok = false
		}
	}()
	d := decoder{b}
	nc := d.count(6)
	for range nc {
		for k := range 5 {
			i := d.uvarint()
			if i >= ns || (k == 0 && i == 0) {
				d.fail()
			}
		}
		extra := d.uvarint()
		if extra > extraOn|extraSkills {
			d.fail()
		}
		if extra&extraOn != 0 {
			d.varint()
		}
		if extra&extraSkills != 0 {
			for range d.count(1) {
				if d.uvarint() >= ns {
					d.fail()
				}
			}
		}
	}
	return len(d.b) == 0
}

// latest maps each person to the newest commit that named their file.
func (v *view) latest() map[string]string {
	out := make(map[string]string, len(v.own))
	for name, places := range v.own {
		out[name] = v.c.hashes[v.c.commits[places[0].rank].at].String()
	}
	return out
}

// warnings are the versions that could not be read, newest first; within a
// commit by file id.
func (v *view) warnings() []string {
	var out []string
	ws := v.c.warnings
	for i := len(ws) - 1; i >= 0; {
		j := i
		for j >= 0 && ws[j].rank == ws[i].rank {
			j--
		}
		if v.reached[ws[i].rank] {
			for k := j + 1; k <= i; k++ {
				out = append(out, v.c.strs[ws[k].text])
			}
		}
		i = j
	}
	return out
}

// boundary lists the shallow commits reached.
func (v *view) boundary() []*commit {
	var out []*commit
	z := zones{}
	for r, bc := range v.c.commits {
		if bc.boundary && v.reached[r] {
			out = append(out, &commit{Hash: v.c.hashes[bc.at], When: z.at(bc.when, bc.zone)})
		}
	}
	return out
}

// changes counts the changes of everyone's entries.
func (v *view) changes() int {
	n := 0
	for _, places := range v.own {
		for _, p := range places {
			from, _ := v.c.groups[p.group].entry(int(p.entry))
			d := decoder{v.c.body[from:]}
			n += int(d.uvarint())
		}
	}
	return n
}

// decoder of a view's entries, with what it knows of the commits.
type entryReader struct {
	v      *view
	z      zones
	rank   int32
	hash   string
	when   time.Time
	author string
	email  string
	sub    string
}

func (v *view) reader() *entryReader { return &entryReader{v: v, z: zones{}, rank: -1} }

func (er *entryReader) commit(rank int32) {
	if er.rank == rank {
		return
	}
	c := er.v.c
	bc := c.commits[rank]
	er.rank = rank
	if er.v.hexes != "" {
		er.hash = er.v.hexes[40*rank : 40*rank+40]
	} else {
		er.hash = c.hashes[bc.at].String()
	}
	er.when = er.z.at(bc.when, bc.zone)
	er.author, er.email, er.sub = c.strs[bc.author], c.strs[bc.email], c.strs[bc.subject]
}

// appendEntry decodes the changes of one entry, person's today, to out.
func (er *entryReader) appendEntry(out []skills.Change, person string, p place) []skills.Change {
	c := er.v.c
	er.commit(p.rank)
	from, _ := c.groups[p.group].entry(int(p.entry))
	r := recordReader{decoder{c.body[from:]}, &chunk{strs: c.strs}}
	nc := r.uvarint()
	for range nc {
		ch := skills.Change{Person: person, Kind: skills.Kind(r.str())}
		ch.Skill, ch.From, ch.To, ch.Text = r.str(), r.str(), r.str(), r.str()
		r.readExtra(&ch)
		ch.Commit, ch.Date, ch.Author, ch.Email, ch.Subject = er.hash, er.when, er.author, er.email, er.sub
		out = append(out, ch)
	}
	return out
}

// rename is the change of a rename the view does not place (another
// person's, in one person's history).
func (er *entryReader) rename(rn bookRename) skills.Change {
	c := er.v.c
	er.commit(rn.rank)
	return skills.Change{Person: c.strs[er.v.whoAt(rn.to, rn.rank)], Kind: skills.KindRenamed, From: c.strs[rn.from], To: c.strs[rn.to],
		Commit: er.hash, Date: er.when, Author: er.author, Email: er.email, Subject: er.sub}
}

// personChanges decodes one person's history, newest first.
func (v *view) personChanges(name string, out []skills.Change) []skills.Change {
	er := v.reader()
	places := v.own[name]
	n := 0
	for _, p := range places {
		from, _ := v.c.groups[p.group].entry(int(p.entry))
		d := decoder{v.c.body[from:]}
		n += int(d.uvarint())
	}
	out = slices.Grow(out, n)
	for i := 0; i < len(places); {
		j, start := i, len(out)
		for j < len(places) && places[j].rank == places[i].rank {
			out = er.appendEntry(out, name, places[j])
			j++
		}
		sortCommit(out[start:])
		i = j
	}
	return out
}

// byPerson decodes everyone's history, a person at a time on every core.
func (v *view) byPerson() map[string][]skills.Change {
	v.allHexes()
	out := make(map[string][]skills.Change, len(v.people))
	lists := make([][]skills.Change, len(v.people))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(v.people), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(v.people) {
					return
				}
				lists[i] = v.personChanges(v.people[i], nil)
			}
		}()
	}
	wg.Wait()
	for i, name := range v.people {
		if len(lists[i]) > 0 {
			out[name] = lists[i]
		}
	}
	return out
}

// each yields the changes of each commit, newest first, in the order of
// Result.Changes: by person, kind and skill. With a person, it yields that
// person's changes and everyone's renames. group's slice is reused; each
// stops when group returns false.
func (v *view) each(group func([]skills.Change) bool) {
	er := v.reader()
	var out []skills.Change
	if v.person != "" {
		places := v.own[v.person]
		rns := v.c.renames
		i, k := 0, len(rns)-1
		for i < len(places) || k >= 0 {
			rank := int32(-1)
			if i < len(places) {
				rank = places[i].rank
			}
			for k >= 0 && !v.reached[rns[k].rank] {
				k--
			}
			if k >= 0 {
				rank = max(rank, rns[k].rank)
			}
			if rank < 0 {
				break
			}
			out = out[:0]
			for ; i < len(places) && places[i].rank == rank; i++ {
				out = er.appendEntry(out, v.person, places[i])
			}
			// Another's renames, as they stand in the commit: by file id.
			start := k
			for k >= 0 && rns[k].rank == rank {
				k--
			}
			for m := k + 1; m <= start; m++ {
				if ch := er.rename(rns[m]); ch.Person != v.person {
					out = append(out, ch)
				}
			}
			if len(out) > 0 {
				sortCommit(out)
				if !group(out) {
					return
				}
			}
		}
		return
	}
	// Everyone's: the entries of each commit, by person, then by file.
	v.allHexes()
	type at struct {
		person int32
		place
	}
	counts := make([]int32, len(v.c.commits)+1)
	for _, name := range v.people {
		for _, p := range v.own[name] {
			counts[p.rank+1]++
		}
	}
	for r := 1; r < len(counts); r++ {
		counts[r] += counts[r-1]
	}
	flat := make([]at, counts[len(counts)-1])
	fill := slices.Clone(counts)
	for pi, name := range v.people {
		for _, p := range v.own[name] {
			flat[fill[p.rank]] = at{int32(pi), p}
			fill[p.rank]++
		}
	}
	for r := len(v.c.commits) - 1; r >= 0; r-- {
		entries := flat[counts[r]:counts[r+1]]
		if len(entries) == 0 {
			continue
		}
		out = out[:0]
		for i := 0; i < len(entries); {
			j, start := i, len(out)
			for j < len(entries) && entries[j].person == entries[i].person {
				out = er.appendEntry(out, v.people[entries[i].person], entries[j].place)
				j++
			}
			sortCommit(out[start:])
			i = j
		}
		if len(out) > 0 && !group(out) {
			return
		}
	}
}
