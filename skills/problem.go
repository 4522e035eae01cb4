package skills

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Severity says whether a Problem stops the tool (an error) or is only worth knowing (a warning).
type Severity string

// The two severities. A warning alone never changes the exit status.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// A Problem is one finding about a user's file: where it is and how to fix it.
// Line and Col are 1-based; 0 means the position is not known.
type Problem struct {
	Path     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
}

// String formats p the way compilers do, so editors and CI logs can jump to it:
// path:line:col: message (hint). Warnings say so after the position.
//
// It is always one line: a line break in a file name (git allows them) or
// a message is written as GitHub's workflow commands escape it (%0A), so
// that a CI log never reads a line of it as a command such as ::error::,
// and a % in the path as %25, so that the escape reads one way.
//
// Control characters in the path or message (a user's text) are escaped
// too (see [EscapeControls]).
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(EscapePath(p.Path))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString("; ")
		b.WriteString(p.Hint)
	}
	return EscapeControls(lineBreaks.Replace(b.String()))
}

// EscapePath writes a file name for a line of output as GitHub's workflow
// commands escape a value: %, carriage return and line feed become %25,
// %0D and %0A. A name without them is returned as it is.
func EscapePath(p string) string {
	if !strings.ContainsAny(p, "%\r\n") {
		return p
	}
	return pathEscapes.Replace(p)
}

var (
	pathEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	lineBreaks  = strings.NewReplacer("\r", "%0D", "\n", "%0A")
)

// Problems is a list of findings. Its methods sort and count them.
type Problems []Problem

// Errors reports how many of ps are errors.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings reports how many of ps are warnings.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Sort orders ps by path, line and column, so output is the same on every run.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// ProblemsError carries the problems that stopped an operation, so callers can
// print each one and still treat the whole as an error.
type ProblemsError struct {
	Problems Problems
}

func (e *ProblemsError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		if p.Severity == Error {
			lines = append(lines, p.String())
		}
	}
	return strings.Join(lines, "\n")
}

// suggest returns a hint naming the id in valid closest to got, or listing the
// valid ids when none is close. what names the kind of id ("skill", "role").
func suggest(what, got string, valid []string) string {
	if len(valid) == 0 {
		return fmt.Sprintf("no %s is defined in the matrix", what)
	}
	best, bestDist := "", -1
	for _, v := range valid {
		d := distance(strings.ToLower(got), v)
		if bestDist < 0 || d < bestDist || (d == bestDist && v < best) {
			best, bestDist = v, d
		}
	}
	lower := strings.ToLower(got)
	if bestDist <= max(2, len(got)/3) || strings.Contains(best, lower) || strings.Contains(lower, best) ||
		commonPrefix(lower, best) >= 3 {
		return fmt.Sprintf("did you mean %q?", best)
	}
	sorted := append([]string(nil), valid...)
	sort.Strings(sorted)
	return fmt.Sprintf("valid %ss: %s", what, strings.Join(sorted, ", "))
}

// Closest returns up to n ids from valid ordered by how close they are to got,
// nearest first, for "did you mean" messages outside this package.
func Closest(got string, valid []string, n int) []string {
	type scored struct {
		id string
		d  int
	}
	s := make([]scored, 0, len(valid))
	lower := strings.ToLower(got)
	for _, v := range valid {
		d := distance(lower, v)
		if lower != "" && (strings.HasPrefix(v, lower) || strings.HasPrefix(lower, v)) {
			d = -1 // "sam" is closest to "sam-lee", whatever the edit distance
		}
		s = append(s, scored{v, d})
	}
	sort.Slice(s, func(i, j int) bool {
		if s[i].d != s[j].d {
			return s[i].d < s[j].d
		}
		return s[i].id < s[j].id
	})
	var out []string
	for i := 0; i < len(s) && i < n; i++ {
		out = append(out, s[i].id)
	}
	return out
}

// CloseIDs is [Closest] keeping only the ids close enough to be what was
// meant: within an edit distance of a third of got's length (at least 2),
// or one a prefix of the other. An id far from all gets none: a list of
// unrelated ids suggests nothing.
func CloseIDs(got string, valid []string, n int) []string {
	lower := strings.ToLower(got)
	return slices.DeleteFunc(Closest(got, valid, n), func(id string) bool {
		return distance(lower, id) > max(2, len([]rune(lower))/3) && !strings.HasPrefix(id, lower) && !strings.HasPrefix(lower, id)
	})
}

// distance is the Levenshtein edit distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
