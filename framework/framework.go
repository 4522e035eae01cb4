// Package framework imports a career framework that a team already keeps
// elsewhere into a coach skill matrix: a fork of Monzo's
// progression-framework (a Markdown file per discipline, whose YAML front
// matter holds its levels and topics), or a spreadsheet ladder saved as CSV.
//
// [Parse] reads one file into a [Framework]; [Matrix] writes a framework
// as the text of a matrix.toml. The framework's levels become the matrix's
// scale, each role is expected at the level it is mapped to on every skill,
// and the criteria of a level become the skill's descriptor for it. What a
// framework does not say (a skill's summary, pillar and personas, coaching
// questions, actions, resources) is written as a value marked
// [skills.ImportTODO], which coach check reports as a warning at its line.
//
// The package does no I/O: the caller reads the files (at most
// [MaxFileSize] bytes each) and writes the result.
package framework

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
	"golang.org/x/text/unicode/norm"
)

// Limits of what a framework may hold: a file is read whole, and every
// level of every skill becomes a line of the matrix.
const (
	MaxFileSize = 1 << 20
	MaxLevels   = 20
	MaxSkills   = 500
)

// Formats are the formats [Parse] reads, by name.
var Formats = []string{"monzo", "csv"}

// Framework is a career framework as imported: its levels, numbered 1..Levels,
// and its skills.
type Framework struct {
	Levels int
	// LevelNames names each level where the source does (the columns of a
	// CSV ladder with a column per role): LevelNames[0] names level 1.
	LevelNames []string
	Skills     []Skill
}

// Skill is one topic or competency of a framework.
type Skill struct {
	// Key is what the framework calls it in its data (a Monzo topic's
	// name), which the skill's id is made of; Name is what people read (the
	// topic's title).
	Key     string
	Name    string
	Summary string
	// Criteria are what each level asks: Criteria[0] are level 1's.
	Criteria [][]string
	// Path, Line and Col say where the skill is defined.
	Path      string
	Line, Col int
}

// DetectFormat names the format of a file by its extension: "csv" for
// .csv, "monzo" for .md and .markdown, "" otherwise.
func DetectFormat(file string) string {
	switch strings.ToLower(path.Ext(file)) {
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "monzo"
	}
	return ""
}

// Parse reads src, the content of the file named file, in format ("monzo"
// or "csv"). A file it cannot read is a *[skills.ProblemsError] with one
// problem: where, what and how to fix it.
func Parse(format, file string, src []byte) (*Framework, error) {
	if len(src) > MaxFileSize {
		return nil, problem(file, 0, 0, fmt.Sprintf("the file is over the limit of %d bytes", MaxFileSize),
			"split the framework into a file per discipline and import the one this team uses")
	}
	if err := plainText(file, src); err != nil {
		return nil, err
	}
	switch format {
	case "monzo":
		return parseMonzo(file, src)
	case "csv":
		return parseCSV(file, src)
	}
	return nil, fmt.Errorf("unknown framework format %q; use one of %s", format, strings.Join(Formats, ", "))
}

// Merge joins frameworks read from several files into one: they must have
// the same number of levels, and no skill may appear in two of them.
func Merge(fws []*Framework) (*Framework, error) {
	if len(fws) == 0 {
		return nil, fmt.Errorf("no framework to import")
	}
	out := &Framework{Levels: fws[0].Levels, LevelNames: fws[0].LevelNames}
	seen := map[string]Skill{}
	for _, fw := range fws {
		if fw.Levels != out.Levels {
			first := fws[0].Skills[0]
			return nil, problem(fw.Skills[0].Path, 0, 0,
				fmt.Sprintf("%s has %d levels and %s has %d", fw.Skills[0].Path, fw.Levels, first.Path, out.Levels),
				"import files with the same levels together, or each into its own coaching repository")
		}
		for _, s := range fw.Skills {
			id := SkillID(s.Key, 0)
			if prev, dup := seen[id]; dup {
				return nil, problem(s.Path, s.Line, s.Col,
					fmt.Sprintf("skill %q is defined twice (first at %s:%d:%d)", s.Name, prev.Path, prev.Line, prev.Col),
					"rename one of them, or import the files one at a time")
			}
			seen[id] = s
			out.Skills = append(out.Skills, s)
		}
	}
	if len(out.Skills) > MaxSkills {
		return nil, fmt.Errorf("the framework has %d skills, over the limit of %d", len(out.Skills), MaxSkills)
	}
	return out, nil
}

// SkillID makes an id of a skill's name: lowercase ASCII letters and digits
// joined by '-', accents dropped ("Comunicação" is "comunicacao"); a name
// with none of those is skill-N, N its place in the framework (1-based).
func SkillID(name string, n int) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	id := skills.Slug(b.String())
	if id == "id" && !strings.Contains(strings.ToLower(name), "id") {
		return fmt.Sprintf("skill-%d", n)
	}
	return id
}

// plainText refuses a file that is not UTF-8, or that holds a character
// coach never lets through to a terminal (see [skills.IsControl]): a plan
// would print it.
func plainText(file string, src []byte) error {
	for n, line := range strings.Split(string(src), "\n") {
		if !utf8.ValidString(line) {
			return problem(file, n+1, 1, file+" is not UTF-8 text", "save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again")
		}
		if r, at, ok := skills.FirstControl(strings.TrimSuffix(line, "\r")); ok {
			return problem(file, n+1, at+1, "the line holds the control character "+skills.ControlName(r)+", which a terminal would obey rather than show",
				"delete it (if it came with pasted text, retype that part)")
		}
	}
	return nil
}

// problem is an error with one problem about a file.
func problem(file string, line, col int, msg, hint string) error {
	return &skills.ProblemsError{Problems: skills.Problems{{Path: file, Line: line, Col: col,
		Severity: skills.Error, Message: msg, Hint: hint}}}
}

func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func toUpper(r rune) rune { return unicode.ToUpper(r) }
