package framework

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"strconv"
	"strings"
)

// A CSV ladder comes in one of two shapes, told apart by its header (the
// first row; names are matched without case):
//
//   - a row per skill and level: columns skill, level and criteria
//     (or description), and optionally summary; a level's criteria may span
//     several rows, one criterion each;
//   - a row per skill with a column per role: a skill column, optionally
//     summary, then one column per role from the most junior up, each
//     holding what that role's level asks of the skill. The role columns
//     are the framework's levels, and their headers name the roles.
//
// Spreadsheets saved with a semicolon as separator (Excel in many locales)
// and with a byte-order mark are read as well.

func parseCSV(file string, src []byte) (*Framework, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(src))
	head, _, _ := bytes.Cut(src, []byte("\n"))
	if bytes.Count(head, []byte(";")) > bytes.Count(head, []byte(",")) {
		r.Comma = ';'
	}
	r.TrimLeadingSpace = true
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, csvError(file, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if name == "description" {
			name = "criteria"
		}
		if j, dup := cols[name]; dup && name != "" {
			line, col := r.FieldPos(i)
			return nil, problem(file, line, col, fmt.Sprintf("column %q appears twice (first in column %d)", h, j+1), "rename or remove one of them")
		}
		cols[name] = i
	}
	skillCol, ok := cols["skill"]
	if !ok {
		return nil, problem(file, 1, 1, "the header has no skill column",
			"name the first row's columns: skill,level,criteria (a row per skill and level) or skill,ROLE,ROLE... (a column per role)")
	}
	_, long := cols["level"]
	p := &csvParser{file: file, r: r, cols: cols, skill: skillCol}
	if long {
		return p.long(header)
	}
	return p.wide(header)
}

type csvParser struct {
	file  string
	r     *csv.Reader
	cols  map[string]int
	skill int
}

func (p *csvParser) at(field int, msg, hint string) error {
	line, col := p.r.FieldPos(field)
	return problem(p.file, line, col, msg, hint)
}

// rows calls f on each record after the header.
func (p *csvParser) rows(f func(rec []string) error) error {
	for n := 0; ; n++ {
		rec, err := p.r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError(p.file, err)
		}
		if n >= MaxSkills*MaxLevels*4 {
			line, _ := p.r.FieldPos(0)
			return problem(p.file, line, 1, "too many rows", fmt.Sprintf("a framework holds at most %d skills of %d levels", MaxSkills, MaxLevels))
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // a blank row between groups
		}
		if err := f(rec); err != nil {
			return err
		}
	}
}

func (p *csvParser) long(header []string) (*Framework, error) {
	crit, ok := p.cols["criteria"]
	if !ok {
		return nil, problem(p.file, 1, 1, "the header has skill and level but no criteria column",
			"add a criteria column: what the level asks of the skill")
	}
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "skill", "level", "criteria", "description", "summary":
		default:
			return nil, p.at(i, fmt.Sprintf("unknown column %q", h), "a row per skill and level has the columns skill, level, criteria and optionally summary")
		}
	}
	summaryCol, hasSummary := p.cols["summary"]
	levelCol := p.cols["level"]
	fw := &Framework{}
	index := map[string]int{}
	err := p.rows(func(rec []string) error {
		name := strings.TrimSpace(rec[p.skill])
		if name == "" {
			return p.at(p.skill, "a row has no skill", "write the skill's name in the skill column")
		}
		level, err := strconv.Atoi(strings.TrimSpace(rec[levelCol]))
		if err != nil || level < 1 || level > MaxLevels {
			return p.at(levelCol, fmt.Sprintf("level %q is not a level from 1 to %d", rec[levelCol], MaxLevels),
				"write the level as a whole number: 1 for the first level")
		}
		i, seen := index[name]
		if !seen {
			if len(fw.Skills) == MaxSkills {
				return p.at(p.skill, fmt.Sprintf("more than %d skills", MaxSkills), "import the skills of one discipline")
			}
			line, col := p.r.FieldPos(p.skill)
			i = len(fw.Skills)
			index[name] = i
			fw.Skills = append(fw.Skills, Skill{Key: name, Name: name, Path: p.file, Line: line, Col: col})
		}
		s := &fw.Skills[i]
		for len(s.Criteria) < level {
			s.Criteria = append(s.Criteria, nil)
		}
		if c := strings.TrimSpace(rec[crit]); c != "" {
			s.Criteria[level-1] = append(s.Criteria[level-1], c)
		}
		if hasSummary && s.Summary == "" {
			s.Summary = strings.TrimSpace(rec[summaryCol])
		}
		fw.Levels = max(fw.Levels, level)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p.done(fw)
}

func (p *csvParser) wide(header []string) (*Framework, error) {
	summaryCol, hasSummary := p.cols["summary"]
	var roleCols []int
	for i, h := range header {
		if i == p.skill || hasSummary && i == summaryCol {
			continue
		}
		if strings.TrimSpace(h) == "" {
			return nil, p.at(i, fmt.Sprintf("column %d has no header", i+1), "name each role column after its role, most junior first")
		}
		roleCols = append(roleCols, i)
		if _, ok := p.cols["criteria"]; ok {
			return nil, p.at(i, "the header has a criteria column but no level column",
				"a row per skill and level has the columns skill, level and criteria; a row per skill has skill, then a column per role")
		}
	}
	if len(roleCols) < 2 || len(roleCols) > MaxLevels {
		return nil, problem(p.file, 1, 1, fmt.Sprintf("the header has %d role columns", len(roleCols)),
			fmt.Sprintf("give skill, then from 2 to %d columns, one per role, most junior first; or skill,level,criteria for a row per skill and level", MaxLevels))
	}
	fw := &Framework{Levels: len(roleCols)}
	for _, c := range roleCols {
		fw.LevelNames = append(fw.LevelNames, strings.TrimSpace(header[c]))
	}
	seen := map[string]bool{}
	err := p.rows(func(rec []string) error {
		name := strings.TrimSpace(rec[p.skill])
		if name == "" {
			return p.at(p.skill, "a row has no skill", "write the skill's name in the skill column")
		}
		if seen[name] {
			return p.at(p.skill, fmt.Sprintf("skill %q has a second row", name), "a row per skill: merge the two rows")
		}
		if len(fw.Skills) == MaxSkills {
			return p.at(p.skill, fmt.Sprintf("more than %d skills", MaxSkills), "import the skills of one discipline")
		}
		seen[name] = true
		line, col := p.r.FieldPos(p.skill)
		s := Skill{Key: name, Name: name, Path: p.file, Line: line, Col: col, Criteria: make([][]string, len(roleCols))}
		if hasSummary {
			s.Summary = strings.TrimSpace(rec[summaryCol])
		}
		for l, c := range roleCols {
			if text := strings.TrimSpace(rec[c]); text != "" {
				s.Criteria[l] = []string{text}
			}
		}
		fw.Skills = append(fw.Skills, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p.done(fw)
}

func (p *csvParser) done(fw *Framework) (*Framework, error) {
	if len(fw.Skills) == 0 {
		return nil, problem(p.file, 2, 1, "the ladder has a header but no skills", "add a row per skill under the header")
	}
	if fw.Levels < 2 {
		return nil, problem(p.file, 1, 1, "the ladder has one level", "a framework needs at least two levels")
	}
	for i := range fw.Skills {
		for len(fw.Skills[i].Criteria) < fw.Levels {
			fw.Skills[i].Criteria = append(fw.Skills[i].Criteria, nil)
		}
	}
	return fw, nil
}

// csvError turns encoding/csv's error into a problem at its line and column.
func csvError(file string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("read %s: %w", file, err)
	}
	hint := "fix the row at this line"
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		hint = "give every row as many fields as the header; quote a field that holds a comma"
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		hint = `a quote inside a quoted field is written twice: "say ""hello"""`
	}
	return problem(file, pe.Line, pe.Column, "the CSV cannot be read: "+pe.Err.Error(), hint)
}
