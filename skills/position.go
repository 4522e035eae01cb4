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

// scanner builds the index with the lexer that the scan of limits uses.
type scanner struct {
	lexer[string]
	depth  int // how many arrays and inline tables the scanner is in
	ix     *sourceIndex
	arrays map[string]int // resolved path of an array of tables -> its element count
}

func newScanner(src string) *scanner {
	return &scanner{
		lexer:  newLexer(src),
		ix:     &sourceIndex{keys: map[string]position{}, values: map[string]position{}},
		arrays: map[string]int{},
	}
}

func indexSource(src string) *sourceIndex {
	s := newScanner(src)
	table := ""
	for s.off < len(s.src) {
		start := s.off
		s.skipBlank(true)
		if s.off >= len(s.src) {
			break
		}
		if s.peek(0) == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		s.skipLine()
		s.advance() // past the line break
		if s.off == start {
			s.advance() // never loop without consuming input
		}
	}
	return s.ix
}

// valueSpan returns the byte offsets of the literal of the value that
// starts at pos in src, quotes and brackets included.
func valueSpan(src []byte, pos position) (start, end int, ok bool) {
	start, ok = offsetOf(src, pos)
	if !ok {
		return 0, 0, false
	}
	s := newScanner(string(src))
	s.off, s.line, s.col = start, pos.Line, pos.Col
	s.value("v")
	return start, s.off, true
}

// header reads [a.b] or [[a.b]] and returns the resolved table path.
func (s *scanner) header() string {
	at := s.pos()
	s.advance()
	array := s.peek(0) == '['
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
		s.skipBlank(false)
		start, end, _ := s.keyPart()
		if start == end && s.off < len(s.src) && !strings.ContainsRune("=]\n", rune(s.peek(0))) {
			s.advance() // not a key character; keep moving
			continue
		}
		parts = append(parts, s.src[start:end])
		s.skipBlank(false)
		if s.peek(0) != '.' {
			break
		}
		s.advance()
	}
	return parts
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
	s.skipBlank(false)
	if s.peek(0) != '=' {
		return
	}
	s.advance()
	s.skipBlank(false)
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
	switch c := s.peek(0); {
	case c == '"' || c == '\'':
		s.str()
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
		for s.off < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.peek(0))) {
			s.advance()
		}
	}
}

// skipValue moves past one value, with everything nested in it, and
// records nothing: it takes no memory however deep the value nests.
func (s *scanner) skipValue() {
	open := 0
	for s.off < len(s.src) {
		switch c := s.peek(0); {
		case c == '"' || c == '\'':
			s.str()
		case c == '#':
			s.skipBlank(false)
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

func (s *scanner) array(path string) {
	s.advance() // [
	for i := 0; s.off < len(s.src); i++ {
		s.skipBlank(true)
		if s.peek(0) == ']' {
			s.advance()
			return
		}
		start := s.off
		s.value(path + "[" + strconv.Itoa(i) + "]")
		s.skipBlank(true)
		switch s.peek(0) {
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
		s.skipBlank(true)
		if s.peek(0) == '}' {
			s.advance()
			return
		}
		start := s.off
		s.keyValue(path)
		s.skipBlank(true)
		switch s.peek(0) {
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

// ValuePosition is the line and column (from 1) where the value of keyPath
// ("goal[1].done") starts in src, or of its nearest enclosing key: for a
// finding about a file that is made after the file was decoded (one that
// needs its history).
func ValuePosition(src []byte, keyPath string) (line, col int) {
	p := lazyIndex(string(src)).valuePos(keyPath)
	return p.Line, p.Col
}
