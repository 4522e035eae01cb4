package skills

import (
	"errors"
	"fmt"
)

// A pull request is untrusted input to CI: whatever a file holds, reading it
// must take bounded memory and time. Every file coach reads has a size limit,
// and every TOML file a limit on how deep its values nest and how long a key
// is, all checked by one linear scan that allocates nothing before the
// decoder runs: the decoders, and the index of positions built after them,
// cost memory in proportion to the nesting and the key lengths, and a 200 KB
// file of nested arrays once took gigabytes. A version in git over a limit
// is skipped like any version that does not parse.

// Size limits, in bytes, of the files coach reads.
const (
	MaxSkillFileSize = 256 << 10
	MaxMatrixSize    = 1 << 20
	MaxConfigSize    = 64 << 10
	// MaxTemplateSize is the limit of one templates/*.tmpl file.
	MaxTemplateSize = 256 << 10
	// MaxAgendaSize is the limit of an agenda read back for its action items.
	MaxAgendaSize = 1 << 20
	// MaxGeneratedSize is the limit of a file coach writes, read back to
	// compare (a plan, team.md): twice the output limit of a template,
	// for a checkout that turned each newline into CRLF.
	MaxGeneratedSize = 16 << 20
)

// MaxDepth is how deep the values of a TOML file may nest: each array,
// inline table, table header part and dotted key part is one level. No
// coach file needs more than four.
const MaxDepth = 32

// MaxKeyLength is the longest key (one part of a dotted key) in bytes, and
// MaxKeyPath the longest key with its table and dotted parts
// ("skill.action.evidence"): the decoders and the index of positions copy
// the whole path of every key.
const (
	MaxKeyLength = 128
	MaxKeyPath   = 256
)

// ErrOverLimit marks a file that coach refused to decode because it is over
// one of its limits; see [OverLimitError].
var ErrOverLimit = errors.New("over coach's limits")

// OverLimitError is a file that coach refused to decode because it is over
// one of its limits. It matches [ErrOverLimit] with errors.Is.
type OverLimitError struct{ Problem Problem }

func (e *OverLimitError) Error() string { return e.Problem.String() }

// Is makes errors.Is(err, ErrOverLimit) true.
func (e *OverLimitError) Is(target error) bool { return target == ErrOverLimit }

// sizeLimit names a kind of file, its size limit and how many keys it may
// have: go-toml, which reads old versions of skill files, takes time in the
// square of the keys of a table (20,000 took 1.8 s).
type sizeLimit struct {
	what string
	max  int
	keys int
}

var (
	skillFileLimit = sizeLimit{"a skill file", MaxSkillFileSize, 5_000}
	matrixLimit    = sizeLimit{"the matrix", MaxMatrixSize, 20_000}
	configLimit    = sizeLimit{"coach.toml", MaxConfigSize, 1_000}
)

// SizeProblem is the problem of a file of size bytes that is over max, the
// limit for what (a skill file, the matrix...). It is nil when the file is
// within the limit.
func SizeProblem(path string, size int64, max int, what string) *Problem {
	if size <= int64(max) {
		return nil
	}
	return &Problem{Path: path, Severity: Error,
		Message: fmt.Sprintf("the file is %s, over coach's limit of %s for %s", humanSize(size), humanSize(int64(max)), what),
		Hint:    "coach does not read it: remove what made it grow (git log -p " + path + " shows what did)"}
}

// SkillFileSizeProblem is SizeProblem for a skill file: nil within
// MaxSkillFileSize. It serves a version in git, whose size is read from
// the object's header before it is read.
func SkillFileSizeProblem(path string, size int64) *Problem {
	return SizeProblem(path, size, skillFileLimit.max, skillFileLimit.what)
}

// MatrixSizeProblem is SizeProblem for matrix.toml.
func MatrixSizeProblem(path string, size int64) *Problem {
	return SizeProblem(path, size, matrixLimit.max, matrixLimit.what)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkTOML runs before a TOML file is decoded: its size, unresolved merge
// conflicts, the depth of its values and the length of its keys. A problem
// here means the file is not decoded.
func checkTOML(path string, src []byte, limit sizeLimit) Problems {
	if p := SizeProblem(path, int64(len(src)), limit.max, limit.what); p != nil {
		return Problems{*p}
	}
	if ps := conflictMarkers(path, src); len(ps) > 0 {
		return ps
	}
	if p := tomlBounds(path, src, limit); p != nil {
		return Problems{*p}
	}
	return nil
}

// conflictMarkers reports each unresolved merge conflict: a line that starts
// with git's "<<<<<<<", and the "=======" and ">>>>>>>" lines after it.
func conflictMarkers(path string, src []byte) Problems {
	var out Problems
	start, middle := 0, 0
	line := 1
	for off := 0; off < len(src); line++ {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		text := src[off:end]
		switch {
		case isMarker(text, '<'):
			start, middle = line, 0
		case start > 0 && middle == 0 && isMarker(text, '='):
			middle = line
		case start > 0 && isMarker(text, '>'):
			out = append(out, conflictProblem(path, start, middle, line))
			start = 0
		}
		off = end + 1
	}
	if start > 0 {
		out = append(out, conflictProblem(path, start, middle, 0))
	}
	return out
}

// isMarker reports whether a line is a conflict marker of seven c: alone, or
// followed by a space and a label ("<<<<<<< HEAD").
func isMarker(line []byte, c byte) bool {
	if len(line) < 7 {
		return false
	}
	for _, b := range line[:7] {
		if b != c {
			return false
		}
	}
	rest := line[7:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\r'
}

func conflictProblem(path string, start, middle, end int) Problem {
	lines := fmt.Sprintf("<<<<<<< on line %d", start)
	if middle > 0 {
		lines += fmt.Sprintf(", ======= on line %d", middle)
	}
	if end > 0 {
		lines += fmt.Sprintf(", >>>>>>> on line %d", end)
	}
	return Problem{Path: path, Line: start, Col: 1, Severity: Error,
		Message: "unresolved merge conflict (" + lines + ")",
		Hint:    "keep the lines you want from each side, delete the three marker lines, then `git add " + path + "`"}
}

// tomlBounds scans src once, without allocating, and reports the first
// value nested deeper than MaxDepth or key longer than MaxKeyLength. It is
// not a TOML parser: it reads the text with the lexer of the index of
// positions, well enough to measure, and leaves every syntax error to the
// decoder.
func tomlBounds(path string, src []byte, limit sizeLimit) *Problem {
	s := boundScanner{lexer: newLexer(src), limit: limit}
	return s.scan(path)
}

type boundScanner struct {
	lexer[[]byte]
	// stack holds, for each open array or inline table, its bracket and
	// the depth outside it. It never holds more than MaxDepth entries:
	// going deeper is the problem reported.
	stack [MaxDepth + 1]struct {
		bracket     byte
		depth, plen int // plen: the length of the key path outside it
	}
	open  int
	keys  int
	limit sizeLimit
}

func (*boundScanner) tooDeep(path string, line, col int) *Problem {
	return &Problem{Path: path, Line: line, Col: col, Severity: Error,
		Message: fmt.Sprintf("values nest more than %d levels deep (arrays, tables and dotted keys), over coach's limit", MaxDepth),
		Hint:    "flatten the value: no coach file needs more than four levels"}
}

func (s *boundScanner) scan(path string) *Problem {
	table, tableLen := 0, 0 // the depth and path length of the current [table]
	for s.off < len(s.src) {
		start := s.off
		s.skipBlank(true)
		if s.off >= len(s.src) {
			break
		}
		if s.peek(0) == '[' {
			line, col := s.line, s.col
			s.advance()
			depth := 0
			if s.peek(0) == '[' {
				s.advance()
				depth++ // an array of tables, then the table
			}
			parts, n, p := s.key(path)
			if p == nil {
				p = s.keyPath(path, line, col, n)
			}
			if p != nil {
				return p
			}
			if depth += parts; depth > MaxDepth {
				return s.tooDeep(path, line, col)
			}
			table, tableLen = depth, n
			s.skipLine()
		} else if p := s.keyValue(path, table, tableLen); p != nil {
			return p
		}
		if s.off == start {
			s.advance() // never loop without consuming input
		}
	}
	return nil
}

// keyPath checks the length of a key path (with its table) and counts the
// key against the file's limit.
func (s *boundScanner) keyPath(path string, line, col, n int) *Problem {
	if n > MaxKeyPath {
		return &Problem{Path: path, Line: line, Col: col, Severity: Error,
			Message: fmt.Sprintf("a key of %d bytes with its table and dotted parts, over coach's limit of %d", n, MaxKeyPath),
			Hint:    "use short ids: lowercase words joined by '-'"}
	}
	if s.keys++; s.keys > s.limit.keys {
		return &Problem{Path: path, Line: line, Col: col, Severity: Error,
			Message: fmt.Sprintf("more than %d keys, over coach's limit for %s", s.limit.keys, s.limit.what),
			Hint:    "coach does not read it: remove what made it grow (git log -p " + path + " shows what did)"}
	}
	return nil
}

// key reads a dotted key up to '=', ']' or the end of the line and returns
// how many parts it has and its length with the dots.
func (s *boundScanner) key(path string) (parts, length int, p *Problem) {
	for s.off < len(s.src) {
		s.skipBlank(false)
		line, col := s.line, s.col
		start, end, ok := s.keyPart()
		if !ok {
			return parts, length, nil
		}
		if n := end - start; n > MaxKeyLength {
			return parts, length, &Problem{Path: path, Line: line, Col: col, Severity: Error,
				Message: fmt.Sprintf("a key of %d bytes, over coach's limit of %d", n, MaxKeyLength),
				Hint:    "use a short id: lowercase words joined by '-'"}
		}
		if parts > 0 {
			length++ // the dot
		}
		parts++
		length += end - start
		s.skipBlank(false)
		if s.peek(0) != '.' {
			return parts, length, nil
		}
		s.advance()
	}
	return parts, length, nil
}

// keyValue reads key = value at depth outside, in a table whose path is
// tableLen long.
func (s *boundScanner) keyValue(path string, outside, tableLen int) *Problem {
	line, col := s.line, s.col
	parts, n, p := s.key(path)
	plen := n
	if tableLen > 0 {
		plen += tableLen + 1 // the table's path and a dot
	}
	if p == nil && parts > 0 {
		p = s.keyPath(path, line, col, plen)
	}
	if p != nil {
		return p
	}
	depth := outside + parts
	if depth > MaxDepth {
		return s.tooDeep(path, line, col)
	}
	s.skipBlank(false)
	if s.peek(0) != '=' {
		s.skipLine()
		return nil
	}
	s.advance()
	return s.value(path, depth, plen)
}

// value reads one value, with everything nested in it, at depth, for a key
// path plen long.
func (s *boundScanner) value(path string, depth, plen int) *Problem {
	base := s.open
	for s.off < len(s.src) {
		s.skipBlank(s.open > base)
		if s.off >= len(s.src) {
			return nil
		}
		switch c := s.peek(0); c {
		case '\n':
			return nil // the end of a value at the top level
		case '"', '\'':
			s.str()
		case '[', '{':
			if depth+1 > MaxDepth {
				return s.tooDeep(path, s.line, s.col)
			}
			s.stack[s.open].bracket, s.stack[s.open].depth, s.stack[s.open].plen = c, depth, plen
			s.open++
			depth++
			s.advance()
			if c == '{' {
				var p *Problem
				if depth, plen, p = s.inlineKey(path); p != nil {
					return p
				}
			}
		case ']', '}':
			s.advance()
			if s.open == base {
				return nil // not ours: a syntax error for the decoder
			}
			s.open--
			depth, plen = s.stack[s.open].depth, s.stack[s.open].plen
			if s.open == base {
				return nil
			}
		case ',':
			s.advance()
			if s.open > base && s.stack[s.open-1].bracket == '{' {
				var p *Problem
				if depth, plen, p = s.inlineKey(path); p != nil {
					return p
				}
			}
		default:
			// A number, date, boolean or stray character.
			for s.off < len(s.src) && !isValueEnd(s.peek(0)) {
				s.advance()
			}
			if s.open == base {
				return nil
			}
		}
	}
	return nil
}

// inlineKey reads the key of an inline table's next entry (after '{' or
// ','), and returns the depth of its value, which follows in the caller's
// loop (the table's own depth and one level per part of the key), and the
// length of its key path.
func (s *boundScanner) inlineKey(path string) (depth, plen int, p *Problem) {
	inner, outer := s.stack[s.open-1].depth+1, s.stack[s.open-1].plen
	s.skipBlank(true)
	if s.peek(0) == '}' {
		return inner, outer, nil
	}
	line, col := s.line, s.col
	parts, n, p := s.key(path)
	if p == nil && parts > 0 {
		p = s.keyPath(path, line, col, outer+1+n)
	}
	if p != nil {
		return 0, 0, p
	}
	if inner+parts > MaxDepth {
		return 0, 0, s.tooDeep(path, line, col)
	}
	s.skipBlank(true)
	if s.peek(0) == '=' {
		s.advance()
	}
	return inner + parts, outer + 1 + n, nil
}

func isValueEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}', '#', '"', '\'':
		return true
	}
	return false
}
