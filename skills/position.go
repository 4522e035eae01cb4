package skills

import (
	"sort"
	"strconv"
	"strings"
)

// The TOML decoder's metadata names every key but keeps no positions, so
// findings would have nowhere to point. sourceIndex reads the source text once
// and records, for every key path, where its key and its value start.
//
// A key path is written the way validation names things:
// "levels.negotiation", "goal[1].due", "skill[3].action[0].to". An element of an
// array of tables is "goal[1]" and points at its [[goal]] header; a table is
// "levels" and points at its [levels] header (or at the key that opened it).
//
// The index runs only on text the TOML parser accepted, but it must not panic
// or loop on anything: every step consumes input. Nor may it cost more than
// linear memory on any text, whatever the bounds scan before it let through:
// a key path is copied for every key and array element under it, so a value
// nested deeper than MaxDepth, a key of more than MaxDepth dotted parts and
// a key path longer than maxIndexedPath are skipped, unrecorded (a finding
// there points at the nearest recorded key). 20,000 nested arrays once took
// 640 MB here.

type position struct{ Line, Col int }

type sourceIndex struct {
	keys   map[string]position // where the key (or table header) starts
	values map[string]position // where the value starts
	byKey  map[string][]position
	// src is the text of an index built on first use (see lazyIndex).
	src  string
	lazy bool
}

// lazyIndex is the index of src, read only when a position is first asked
// for through keyPos, valuePos or occurrences: a file without problems,
// the common case, is never indexed.
func lazyIndex(src string) *sourceIndex { return &sourceIndex{src: src, lazy: true} }

func (ix *sourceIndex) build() {
	if ix.lazy {
		built := indexSource(ix.src)
		ix.keys, ix.values, ix.src, ix.lazy = built.keys, built.values, "", false
	}
}

// occurrences groups the key positions by path without array indices
// ("goal.due" for every goal[i].due), in source order. The decoder's metadata
// names keys that way, so this is how its keys are found in the source.
func (ix *sourceIndex) occurrences() map[string][]position {
	if ix.byKey != nil {
		return ix.byKey
	}
	ix.build()
	ix.byKey = map[string][]position{}
	for p, pos := range ix.keys {
		k := stripIndices(p)
		ix.byKey[k] = append(ix.byKey[k], pos)
	}
	for _, list := range ix.byKey {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Line != list[j].Line {
				return list[i].Line < list[j].Line
			}
			return list[i].Col < list[j].Col
		})
	}
	return ix.byKey
}

// keyPos returns the position of path's key, or of its nearest enclosing key
// when path itself is not in the source (a missing key is reported where it
// should have been written).
func (ix *sourceIndex) keyPos(path string) position {
	ix.build()
	for path != "" {
		if p, ok := ix.keys[path]; ok {
			return p
		}
		path = parentPath(path)
	}
	return position{1, 1}
}

// valuePos returns the position of path's value, falling back to keyPos.
func (ix *sourceIndex) valuePos(path string) position {
	ix.build()
	if p, ok := ix.values[path]; ok {
		return p
	}
	return ix.keyPos(path)
}

// parentPath strips the last component of a key path: "a.b[2]" -> "a.b",
// "a.b" -> "a", "a" -> "".
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

func joinPath(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// maxIndexedPath is the longest key path the index records: MaxKeyPath and
// an array index for each level of MaxDepth.
const maxIndexedPath = MaxKeyPath + MaxDepth*8

type scanner struct {
	src       string
	off       int
	line, col int
	depth     int // how many arrays and inline tables the scanner is in
	ix        *sourceIndex
	arrays    map[string]int // resolved path of an array of tables -> its element count
}

func indexSource(src string) *sourceIndex {
	s := &scanner{
		src:    src,
		line:   1,
		col:    1,
		ix:     &sourceIndex{keys: map[string]position{}, values: map[string]position{}},
		arrays: map[string]int{},
	}
	table := ""
	for s.off < len(s.src) {
		start := s.off
		s.skipSpaceNewlinesComments()
		if s.off >= len(s.src) {
			break
		}
		if s.peek() == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		s.skipLine()
		if s.off == start { // never loop without consuming input
			s.advance()
		}
	}
	return s.ix
}

func (s *scanner) peek() byte {
	if s.off < len(s.src) {
		return s.src[s.off]
	}
	return 0
}

func (s *scanner) advance() {
	if s.off >= len(s.src) {
		return
	}
	if s.src[s.off] == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	s.off++
}

func (s *scanner) pos() position { return position{s.line, s.col} }

func (s *scanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.advance()
	}
}

func (s *scanner) skipSpaceNewlinesComments() {
	for s.off < len(s.src) {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.advance()
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	for s.off < len(s.src) && s.peek() != '\n' {
		s.advance()
	}
}

// skipLine moves past the rest of the current line.
func (s *scanner) skipLine() {
	for s.off < len(s.src) && s.peek() != '\n' {
		s.advance()
	}
	s.advance()
}

// header reads [a.b] or [[a.b]] and returns the resolved table path.
func (s *scanner) header() string {
	at := s.pos()
	s.advance()
	array := s.peek() == '['
	if array {
		s.advance()
	}
	parts := s.keyParts()
	if len(parts) > MaxDepth {
		parts = parts[:MaxDepth]
	}
	resolved := ""
	for i, part := range parts {
		p := joinPath(resolved, part)
		last := i == len(parts)-1
		if last && array {
			s.arrays[p]++
			p += "[" + strconv.Itoa(s.arrays[p]-1) + "]"
		} else if n := s.arrays[p]; n > 0 {
			p += "[" + strconv.Itoa(n-1) + "]"
		}
		resolved = p
	}
	if _, seen := s.ix.keys[resolved]; !seen {
		s.ix.keys[resolved] = at
	}
	return resolved
}

// keyParts reads a dotted key (bare or quoted parts) and stops before '=' or ']'.
func (s *scanner) keyParts() []string {
	var parts []string
	for s.off < len(s.src) {
		s.skipSpace()
		var part string
		switch c := s.peek(); c {
		case '"', '\'':
			part = s.quoted(c)
		default:
			start := s.off
			for isBareKeyChar(s.peek()) {
				s.advance()
			}
			part = s.src[start:s.off]
		}
		if part == "" && s.off < len(s.src) && !strings.ContainsRune("=]\n", rune(s.peek())) {
			s.advance() // not a key character; keep moving
			continue
		}
		parts = append(parts, part)
		s.skipSpace()
		if s.peek() != '.' {
			break
		}
		s.advance()
	}
	return parts
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line quoted string starting at the quote q and returns
// its content (escapes are kept as written; keys with escapes are rare).
func (s *scanner) quoted(q byte) string {
	s.advance()
	start := s.off
	for s.off < len(s.src) && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.advance()
		}
		s.advance()
	}
	end := min(s.off, len(s.src))
	s.advance()
	return s.src[start:end]
}

// keyValue reads key = value in table and records both positions.
func (s *scanner) keyValue(table string) {
	at := s.pos()
	parts := s.keyParts()
	path, recorded := table, len(parts) <= MaxDepth && len(table) <= maxIndexedPath
	for _, p := range parts {
		if path = joinPath(path, p); len(path) > maxIndexedPath {
			recorded = false
			break
		}
	}
	if recorded {
		s.ix.keys[path] = at
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.advance()
	s.skipSpace()
	if !recorded {
		s.skipValue()
		return
	}
	s.value(path)
}

// value reads one value of any kind and records where it and any keys inside
// it start.
func (s *scanner) value(path string) {
	s.ix.values[path] = s.pos()
	switch c := s.peek(); {
	case strings.HasPrefix(s.src[s.off:], `"""`) || strings.HasPrefix(s.src[s.off:], `'''`):
		s.multilineString(s.src[s.off : s.off+3])
	case c == '"' || c == '\'':
		s.quoted(c)
	case (c == '[' || c == '{') && s.depth >= MaxDepth:
		s.skipValue()
	case c == '[':
		s.depth++
		s.array(path)
		s.depth--
	case c == '{':
		s.depth++
		s.inlineTable(path)
		s.depth--
	default:
		for s.off < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.peek())) {
			s.advance()
		}
	}
}

// skipValue moves past one value, with everything nested in it, and
// records nothing: it takes no memory however deep the value nests.
func (s *scanner) skipValue() {
	open := 0
	for s.off < len(s.src) {
		switch c := s.peek(); {
		case strings.HasPrefix(s.src[s.off:], `"""`) || strings.HasPrefix(s.src[s.off:], `'''`):
			s.multilineString(s.src[s.off : s.off+3])
		case c == '"' || c == '\'':
			s.quoted(c)
		case c == '#':
			s.skipComment()
		case c == '[' || c == '{':
			open++
			s.advance()
		case c == ']' || c == '}':
			if open == 0 {
				return // the end of the array or table the value is in
			}
			open--
			s.advance()
			if open == 0 {
				return
			}
		case open == 0 && (c == ',' || c == '\n'):
			return
		default:
			s.advance()
		}
	}
}

func (s *scanner) multilineString(delim string) {
	for range 3 {
		s.advance()
	}
	for s.off < len(s.src) {
		if delim == `"""` && s.peek() == '\\' {
			s.advance()
			s.advance()
			continue
		}
		if strings.HasPrefix(s.src[s.off:], delim) {
			for range 3 {
				s.advance()
			}
			// A closing delimiter may be followed by up to two more quotes.
			for s.peek() == delim[0] {
				s.advance()
			}
			return
		}
		s.advance()
	}
}

func (s *scanner) array(path string) {
	s.advance() // [
	for i := 0; s.off < len(s.src); i++ {
		s.skipSpaceNewlinesComments()
		if s.peek() == ']' {
			s.advance()
			return
		}
		start := s.off
		s.value(path + "[" + strconv.Itoa(i) + "]")
		s.skipSpaceNewlinesComments()
		switch s.peek() {
		case ',':
			s.advance()
		case ']':
			s.advance()
			return
		default:
			if s.off == start {
				s.advance()
			}
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.advance() // {
	for s.off < len(s.src) {
		s.skipSpaceNewlinesComments()
		if s.peek() == '}' {
			s.advance()
			return
		}
		start := s.off
		s.keyValue(path)
		s.skipSpaceNewlinesComments()
		switch s.peek() {
		case ',':
			s.advance()
		case '}':
			s.advance()
			return
		default:
			if s.off == start {
				s.advance()
			}
		}
	}
}
