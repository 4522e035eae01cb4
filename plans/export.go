package plans

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// ExportColumns are the columns of [WriteCSV], in order.
var ExportColumns = []string{"person", "name", "role", "manager", "skill", "skill_name", "pillar",
	"level", "expected", "gap", "target", "verdict"}

// WriteCSV writes the team's levels, expectations and readiness as CSV for
// a spreadsheet or an HR system: a header of [ExportColumns], then one row
// per person and skill, people in the order given and skills in matrix
// order. Ids (person, role, manager, skill, target) are coach's ids, for
// joining; level is empty for a skill not assessed; expected is the bar of
// the person's role (0 when it sets none); gap is level minus expected,
// negative below the bar and empty when not assessed; verdict is the
// plan's readiness for the target role in a few words.
//
// A text cell that a spreadsheet would run as a formula (one starting with
// =, +, -, @, a tab or a carriage return) is written after a ', as
// spreadsheets themselves do to show such text as text.
func WriteCSV(w io.Writer, team []*Plan) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ExportColumns); err != nil {
		return err
	}
	for _, p := range team {
		for _, s := range p.Skills {
			level, gap := "", ""
			if s.Level > 0 {
				level = strconv.Itoa(s.Level)
				gap = strconv.Itoa(s.Level - s.ExpectRole)
			}
			row := []string{p.Person.ID, cell(p.Person.Name), p.Role.ID, p.Person.Manager, s.ID, cell(s.Name),
				cell(s.Pillar), level, strconv.Itoa(s.ExpectRole), gap, p.Target.ID, cell(p.Verdict.Text)}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell keeps a spreadsheet from reading text as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
