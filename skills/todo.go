package skills

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// ImportTODO marks what `coach import` could not take from a career
// framework (a summary, a pillar, personas, coaching questions, actions,
// resources): the importer writes it in each value or comment left to fill
// in, and [DecodeMatrix] warns at every line that still holds it. The
// matrix stays valid meanwhile, so the team can plan with it from day one.
const ImportTODO = "TODO(coach import)"

// importTODOs warns at each line of src that holds [ImportTODO], naming
// what the line leaves to do: the text after the mark, up to the end of
// its string or comment.
func (c *checker) importTODOs(src []byte) {
	mark := []byte(ImportTODO)
	line := 0
	for rest := src; len(rest) > 0; {
		line++
		text := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		i := bytes.Index(text, mark)
		if i < 0 {
			continue
		}
		what := string(text[i+len(mark):])
		if j := strings.IndexByte(what, '"'); j >= 0 {
			what = what[:j]
		}
		what = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(what), ":"))
		if what == "" {
			what = "fill this in"
		}
		col := utf8.RuneCount(text[:i]) + 1
		c.problems = append(c.problems, Problem{Path: c.path, Line: line, Col: col, Severity: Warning,
			Message: "left to do after coach import: " + what,
			Hint:    "write it, then delete the " + ImportTODO + " mark"})
	}
}
