package skills

import (
	"fmt"
	"math"
	"path"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
)

// A skill file is read into one struct, personFile, and turned into a
// Person by one function, personFile.person, in one of two modes:
//
//   - strict, for the files of the work tree (`coach check`, the plans):
//     every key is checked against personFile's tags, every value against
//     the matrix, and each mistake is a Problem ([DecodePerson]);
//   - lenient, for old versions read from history: no matrix (a skill
//     since dropped, or a level since rescaled, must not hide a change),
//     values of the wrong type left out, and only TOML that does not parse
//     fails ([ParsePerson]).
//
// So a new key of the skill file is a field of Person (person.go), a field
// of personFile with a line in personFile.person and its checks in
// checker.person (this file), and a property of the schema (schema.go). The
// [aspiration] table keeps its decoder and checks in aspiration.go.

// personFile is a skill file as written. Dates and levels are decoded as any
// and checked in checker.person, so that every wrong value is reported, not
// only the first one the decoder meets.
type personFile struct {
	Name      string         `toml:"name"`
	Role      string         `toml:"role"`
	Target    string         `toml:"target"`
	Manager   string         `toml:"manager"`
	Reports   any            `toml:"reports"`
	Assessed  any            `toml:"assessed"`
	Joined    any            `toml:"joined"`
	PlanStart any            `toml:"plan_start"`
	Focus     []string       `toml:"focus"`
	Levels    map[string]any `toml:"levels"`
	Self      map[string]any `toml:"self"`
	Goals     []struct {
		Text    string   `toml:"text"`
		Skills  []string `toml:"skills"`
		Due     any      `toml:"due"`
		Done    any      `toml:"done"`
		Dropped any      `toml:"dropped"`
		Outcome string   `toml:"outcome"`
	} `toml:"goal"`
	Evidence []struct {
		Date  any    `toml:"date"`
		Skill string `toml:"skill"`
		Text  string `toml:"text"`
	} `toml:"evidence"`
	Aspiration aspirationFile `toml:"aspiration"`
	// Private is decoded so that its keys count as known, and for the
	// fingerprint of the notes; what they say is dropped.
	Private map[string]any `toml:"private"`
}

// decodeMode is how a skill file is read: see the top of this file.
type decodeMode int

const (
	decodeStrict decodeMode = iota
	decodeLenient
)

// decodePersonFile reads a skill file into a personFile. In strict mode the
// file's problems (syntax, limits, unknown and miscased keys, control
// characters) come back as problems, with f nil when it could not be
// decoded. In lenient mode only a file that cannot be read is an error: over
// a limit (an [OverLimitError]), with a merge conflict, or not TOML.
func decodePersonFile(path string, src []byte, mode decodeMode) (f *personFile, ix *sourceIndex, problems Problems, err error) {
	f = &personFile{}
	if mode == decodeStrict {
		ix, problems, ok := decodeTOML(path, src, f, skillFileLimit)
		if !ok {
			return nil, nil, problems, nil
		}
		return f, ix, problems, nil
	}
	if p := SizeProblem(path, int64(len(src)), skillFileLimit.max, skillFileLimit.what); p != nil {
		return nil, nil, nil, &OverLimitError{*p}
	}
	if ps := conflictMarkers(path, src); len(ps) > 0 {
		return nil, nil, nil, fmt.Errorf("%s", ps[0])
	}
	if p := tomlBounds(path, src, skillFileLimit); p != nil {
		return nil, nil, nil, &OverLimitError{*p}
	}
	// A cold `coach history` reads every version of every file, tens of
	// thousands of them, and decoding was the largest part of its time.
	// go-toml reads these files seven times faster than BurntSushi/toml;
	// only what it refuses (TOML 1.1 syntax, which BurntSushi accepts, or a
	// broken file) is read again by BurntSushi/toml, the parser of strict
	// mode, whose error is the one reported.
	var tree map[string]any
	if gotoml.Unmarshal(src, &tree) != nil {
		if tree, err = burntSushiTree(path, src); err != nil {
			return nil, nil, nil, err
		}
	}
	fillLenient(f, tree)
	return f, nil, nil, nil
}

// burntSushiTree reads src as a table with BurntSushi/toml, for what go-toml
// refuses; the error is the problem it finds.
func burntSushiTree(path string, src []byte) (map[string]any, error) {
	var tree map[string]any
	if _, err := toml.Decode(string(src), &tree); err != nil {
		return nil, fmt.Errorf("%s", decodeProblem(path, src, err))
	}
	return tree, nil
}

// DecodePerson decodes and validates a skill file against m, in strict
// mode. path is the file's path relative to the repository root
// ("skills/alice.toml"); the person's id is its stem. The person is returned
// whenever the file could be decoded, even with problems.
func DecodePerson(path string, src []byte, m *Matrix) (*Person, Problems) {
	r := readPerson(path, src, m, false)
	return r.Person, r.Problems
}

// PersonRead is one skill file read both ways from one decoding: as
// [DecodePerson] reads it and as [ParsePerson] does.
type PersonRead struct {
	// Person and Problems are DecodePerson's: the person narrowed to the
	// matrix, nil when the file could not be decoded strictly.
	Person   *Person
	Problems Problems
	// Lenient is ParsePerson's person, nil where ParsePerson fails (the TOML
	// itself is broken, or the file is over a limit).
	Lenient *Person
}

// ReadPerson is DecodePerson and ParsePerson of one file, for a review
// (coach diff), which reports a file's problems as coach check does and
// keeps its person in the summary while the file has them. go-toml's
// decoding serves both: a valid file is decoded once. A file with an error
// is decoded again by BurntSushi/toml for its problems, as DecodePerson
// alone decodes it.
func ReadPerson(path string, src []byte, m *Matrix) PersonRead {
	return readPerson(path, src, m, true)
}

// readPerson is ReadPerson, and with lenient false DecodePerson.
func readPerson(path string, src []byte, m *Matrix, lenient bool) PersonRead {
	var r PersonRead
	p, problems, f, ok := decodePersonFast(path, src, m)
	if lenient && f != nil {
		r.Lenient = f.person(path)
	}
	if ok {
		r.Person, r.Problems = p, problems
		return r
	}
	r.Person, r.Problems = decodePerson(path, src, m, decodeStrict)
	if lenient && f == nil && len(checkTOML(path, src, skillFileLimit)) == 0 {
		// What go-toml refuses, ParsePerson reads with BurntSushi/toml.
		if tree, err := burntSushiTree(path, src); err == nil {
			f := &personFile{}
			fillLenient(f, tree)
			r.Lenient = f.person(path)
		}
	}
	return r
}

// decodePersonFast is DecodePerson for a file without an error, read with
// go-toml, which reads these files several times faster than
// BurntSushi/toml (plan --all reads thousands). ok is false for any file
// the fast read cannot vouch for (a key it does not know, a value of
// another type than its field's, TOML go-toml refuses) and for any file
// with an error: DecodePerson then reads it the plain way, whose errors are
// the ones reported. Warnings (a skill not yet assessed) are found in the
// values and positioned from the text, as the plain way does;
// FuzzDecodePersonFastAgrees holds the two to the same person and problems.
// f is the file as go-toml read it, filled leniently as ParsePerson fills
// it, whenever go-toml could read it within coach's limits, ok or not.
func decodePersonFast(path string, src []byte, m *Matrix) (p *Person, problems Problems, f *personFile, ok bool) {
	if len(checkTOML(path, src, skillFileLimit)) > 0 {
		return nil, nil, nil, false
	}
	var tree map[string]any
	if gotoml.Unmarshal(src, &tree) != nil {
		return nil, nil, nil, false
	}
	f = &personFile{}
	fillLenient(f, tree)
	if !fitsStruct(reflect.TypeFor[personFile](), tree) {
		return nil, nil, f, false
	}
	ix := lazyIndex(string(src))
	if len(controlProblems(path, src, ix, f)) > 0 {
		return nil, nil, f, false
	}
	p = f.person(path)
	p.PlainNotes = ""
	c := &checker{path: path, ix: ix}
	c.person(f, p, m)
	if c.problems.Errors() > 0 {
		return nil, nil, f, false
	}
	c.problems.Sort()
	return p, c.problems, f, true
}

// decodePerson is DecodePerson read the plain way, in strict mode.
func decodePerson(path string, src []byte, m *Matrix, mode decodeMode) (*Person, Problems) {
	f, ix, problems, _ := decodePersonFile(path, src, mode)
	if f == nil {
		return nil, problems
	}
	p := f.person(path)
	// PlainNotes is the history's: check reads the notes itself.
	p.PlainNotes = ""
	c := &checker{path: path, ix: ix, problems: problems}
	c.person(f, p, m)
	c.problems.Sort()
	return p, c.problems
}

// fitsStruct reports whether tree, a table as go-toml reads it, holds only
// keys of t's toml tags, each with a value BurntSushi/toml would decode
// into its field without an error.
func fitsStruct(t reflect.Type, tree map[string]any) bool {
	fields := tomlFields(t)
	for k, v := range tree {
		i := slices.IndexFunc(fields, func(f tomlField) bool { return f.name == k })
		if i < 0 || !fitsValue(t.Field(fields[i].index).Type, v) {
			return false
		}
	}
	return true
}

func fitsValue(t reflect.Type, v any) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.String:
		_, ok := v.(string)
		return ok
	case reflect.Map:
		_, ok := v.(map[string]any)
		return ok && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.Interface
	case reflect.Struct:
		tree, ok := v.(map[string]any)
		return ok && fitsStruct(t, tree)
	case reflect.Slice:
		items, ok := v.([]any)
		if !ok {
			return false
		}
		for _, item := range items {
			if !fitsValue(t.Elem(), item) {
				return false
			}
		}
		return true
	}
	return false
}

// ParsePerson decodes a skill file in lenient mode, without a matrix and
// without validation, for reading old versions from history. Values of the
// wrong type are left out. It fails only when the TOML itself is broken,
// and on a version over coach's limits (see [ErrOverLimit]), which is not
// decoded.
func ParsePerson(path string, src []byte) (*Person, error) {
	f, _, _, err := decodePersonFile(path, src, decodeLenient)
	if err != nil {
		return nil, err
	}
	return f.person(path), nil
}

// PersonID returns the person id of a skill file path: its stem.
func PersonID(file string) string {
	return strings.TrimSuffix(path.Base(file), ".toml")
}

// person is what f says, read leniently: a value of the wrong type, or a
// level or count out of any sane range, is left out. Strict mode checks f
// and narrows the result to what the matrix allows (checker.person).
func (f *personFile) person(file string) *Person {
	p := &Person{ID: PersonID(file), Path: file, Name: f.Name, Role: f.Role, Target: f.Target,
		Manager: f.Manager, Focus: f.Focus, Levels: intLevels(f.Levels), Self: intLevels(f.Self)}
	if n, ok := f.Reports.(int64); ok && n >= 0 && n <= maxReports {
		p.Reports = int(n)
	}
	p.Assessed, _ = asDate(f.Assessed)
	p.Joined, _ = asDate(f.Joined)
	p.PlanStart, _ = asDate(f.PlanStart)
	for _, g := range f.Goals {
		due, _ := asDate(g.Due)
		done, _ := asDate(g.Done)
		dropped, _ := asDate(g.Dropped)
		p.Goals = append(p.Goals, Goal{Text: g.Text, Skills: g.Skills, Due: due, Done: done, Dropped: dropped, Outcome: g.Outcome})
	}
	for _, e := range f.Evidence {
		d, _ := asDate(e.Date)
		p.Evidence = append(p.Evidence, Evidence{Date: d, Skill: e.Skill, Text: e.Text})
	}
	p.Aspiration = f.Aspiration.aspiration()
	notes, _ := f.Private["notes"].(string)
	p.Notes = NotesFingerprint(notes)
	if n := (Notes{Value: notes}); !n.Empty() && !n.Encrypted() {
		p.PlainNotes = plainNotesMark(notes)
	}
	return p
}

// maxReports is the most people a count of reports may hold.
const maxReports = 100000

func intLevels(raw map[string]any) map[string]int {
	out := map[string]int{}
	for k, v := range raw {
		if n, ok := v.(int64); ok && n > 0 && n < 1000 {
			out[k] = int(n)
		}
	}
	return out
}

// asDate converts a decoded TOML local date to a UTC midnight time.
// BurntSushi/toml marks a local date (no time, no offset) with a zone of its
// own, named "date-local" (not exported, so compared by name); go-toml
// gives a LocalDate.
func asDate(v any) (time.Time, bool) {
	if d, ok := v.(gotoml.LocalDate); ok {
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
	}
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// person checks f against m and narrows p, which f.person made, to what
// the matrix allows: levels of known skills on the scale, and no evidence
// dated after the assessment.
func (c *checker) person(f *personFile, p *Person, m *Matrix) {
	if !ValidID(p.ID) {
		c.problems = append(c.problems, Problem{Path: p.Path, Severity: Error,
			Message: fmt.Sprintf("person id %q (the file name) is not valid", p.ID),
			Hint:    fmt.Sprintf("rename the file to skills/%s.toml: lowercase letters, digits and '-'", Slug(p.ID))})
	}
	c.required("name", f.Name, `name = "Their Name"`)
	roles := m.RoleIDs()
	if f.Role == "" {
		c.at(Error, "role", "add role = one of "+strings.Join(roles, ", "), "role is missing")
	} else {
		c.known("role", "role", f.Role, roles)
	}
	if f.Target != "" && c.known("target", "role", f.Target, roles) && m.RoleRank(f.Role) >= 0 &&
		m.RoleRank(f.Target) < m.RoleRank(f.Role) {
		c.atValue(Error, "target", "choose a role at or above "+f.Role+": "+strings.Join(roles[m.RoleRank(f.Role):], ", "),
			"target %q is below the current role %q", f.Target, f.Role)
	}
	c.count("reports", f.Reports)
	c.date("assessed", f.Assessed, false)
	c.date("joined", f.Joined, false)
	c.date("plan_start", f.PlanStart, false)
	skillIDs := m.SkillIDs()
	for i, s := range f.Focus {
		c.known(fmt.Sprintf("focus[%d]", i), "skill", s, skillIDs)
	}
	p.Levels = c.levels("levels", f.Levels, m)
	p.Self = c.levels("self", f.Self, m)
	if f.Levels == nil {
		c.at(Warning, "name", "add a [levels] table with a level for each skill you have assessed", "no skills assessed yet")
	} else if missing := unassessed(f.Levels, m); len(missing) > 0 {
		c.at(Warning, "levels", "add them under [levels] once you have assessed them",
			"%d of %d skills not assessed: %s", len(missing), len(m.Skills), strings.Join(missing, ", "))
	}
	for i, g := range f.Goals {
		gp := fmt.Sprintf("goal[%d]", i)
		c.required(gp+".text", g.Text, `text = "what the goal is"`)
		for j, s := range g.Skills {
			c.known(fmt.Sprintf("%s.skills[%d]", gp, j), "skill", s, skillIDs)
		}
		c.date(gp+".due", g.Due, false)
		c.goalEnd(gp, g.Done, g.Dropped, g.Outcome, p.Assessed)
	}
	var evidence []Evidence
	for i, e := range f.Evidence {
		ep := fmt.Sprintf("evidence[%d]", i)
		c.required(ep+".text", e.Text, `text = "what happened"`)
		if e.Skill == "" {
			c.at(Error, ep, `add skill = "the skill id it shows"`, "evidence names no skill")
		} else {
			c.known(ep+".skill", "skill", e.Skill, skillIDs)
		}
		d := c.date(ep+".date", e.Date, true)
		if !p.Assessed.IsZero() && d.After(p.Assessed) {
			c.afterAssessed(ep+".date", d, p.Assessed)
			continue
		}
		evidence = append(evidence, p.Evidence[i])
	}
	p.Evidence = evidence
	c.aspiration(f, p, m)
}

// goalEnd checks how a goal ended: done or dropped, not both, each a date
// no later than the assessment (an outcome is something the assessment
// saw), and an outcome only for a goal that ended.
func (c *checker) goalEnd(gp string, done, dropped any, outcome string, assessed time.Time) {
	d := c.date(gp+".done", done, false)
	x := c.date(gp+".dropped", dropped, false)
	if done != nil && dropped != nil {
		c.at(Error, gp+".dropped", "keep done if the goal was met, dropped if it was given up, not both",
			"a goal cannot be both done and dropped")
	}
	for _, e := range []struct {
		key string
		day time.Time
	}{{"done", d}, {"dropped", x}} {
		if !e.day.IsZero() && !assessed.IsZero() && e.day.After(assessed) {
			c.atValue(Error, gp+"."+e.key, fmt.Sprintf("correct the date, or set assessed to %s or later: the assessment records how the goal ended", e.day.Format(time.DateOnly)),
				"goal %s on %s, after this assessment (assessed = %s)", e.key, e.day.Format(time.DateOnly), assessed.Format(time.DateOnly))
		}
	}
	if outcome != "" && done == nil && dropped == nil {
		c.at(Warning, gp+".outcome", "add done = YYYY-MM-DD or dropped = YYYY-MM-DD, the day the goal ended",
			"an outcome for a goal that has not ended")
	}
}

// afterAssessed reports an evidence entry dated after the assessment it
// belongs to. The assessment date is the plan's today, so the entry would be
// evidence from the future: it is left out of the Person, and so out of
// every plan, agenda, team view and review alike, and said so here. A date
// a year out, that would fall on or before the assessment a year earlier,
// is most likely a typo of the year.
func (c *checker) afterAssessed(keyPath string, d, assessed time.Time) {
	hint := "correct the date if it is a typo, or set assessed to the day of the assessment this evidence belongs to"
	if y := d.AddDate(-1, 0, 0); !y.After(assessed) {
		hint = fmt.Sprintf("if the year is a typo, write date = %s; if the evidence is new, set assessed to the day of the assessment it belongs to", y.Format(time.DateOnly))
	}
	c.atValue(Warning, keyPath, hint, "evidence dated %s is after this assessment (assessed = %s), so no plan counts it",
		d.Format(time.DateOnly), assessed.Format(time.DateOnly))
}

// levels checks a [levels] or [self] table: known skills, whole numbers on the scale.
func (c *checker) levels(table string, raw map[string]any, m *Matrix) map[string]int {
	out := make(map[string]int, len(raw))
	n := m.MaxLevel()
	skillIDs := m.SkillIDs()
	for _, id := range sortedKeys(raw) {
		kp := table + "." + id
		known := c.knownKey(kp, "skill", id, skillIDs)
		v, isInt := raw[id].(int64)
		if !isInt {
			what := srcTypeName(goTypeName(raw[id]))
			if f, ok := raw[id].(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				what = notANumber(f)
			}
			c.atValue(Error, kp, fmt.Sprintf("write a whole number from 1 to %d without quotes", n),
				"level of %q must be a whole number, not %s", id, what)
			continue
		}
		if v < 1 || v > int64(n) {
			hint := fmt.Sprintf("use a level from 1 to %d", n)
			if v == 0 {
				hint += ", or leave the skill out to mark it not assessed"
			}
			c.atValue(Error, kp, hint, "level %d for %q is outside the scale 1..%d", v, id, n)
			continue
		}
		if known {
			out[id] = int(v)
		}
	}
	return out
}

// count checks a whole number of people, 0 or more; nil is 0.
func (c *checker) count(keyPath string, v any) int {
	if v == nil {
		return 0
	}
	n, ok := v.(int64)
	if !ok || n < 0 || n > maxReports {
		c.atValue(Error, keyPath, fmt.Sprintf("write a whole number of people without quotes, like %s = 8", lastKey(keyPath)),
			"%s must be a whole number of people, 0 or more", lastKey(keyPath))
		return 0
	}
	return int(n)
}

// date checks that v is a TOML local date (2027-03-31, no quotes).
func (c *checker) date(keyPath string, v any, required bool) time.Time {
	if v == nil {
		if required {
			c.at(Error, parentPath(keyPath), "add "+lastKey(keyPath)+" = YYYY-MM-DD", "%s is missing", lastKey(keyPath))
		}
		return time.Time{}
	}
	if d, ok := asDate(v); ok {
		return d
	}
	t, ok := v.(time.Time)
	name := lastKey(keyPath)
	if ok {
		c.atValue(Error, keyPath, fmt.Sprintf("write the date alone: %s = %s", name, t.Format(time.DateOnly)),
			"%s must be a date without a time", name)
		return time.Time{}
	}
	hint := fmt.Sprintf("write a TOML date without quotes, like %s = 2027-03-31", name)
	if s, isString := v.(string); isString {
		if d, err := time.Parse(time.DateOnly, strings.TrimSpace(s)); err == nil {
			hint = fmt.Sprintf("remove the quotes: %s = %s", name, d.Format(time.DateOnly))
		}
	}
	c.atValue(Error, keyPath, hint, "%s must be a date, not %s", name, srcTypeName(goTypeName(v)))
	return time.Time{}
}

// unassessed lists the skills with no key in a raw [levels] table. A skill
// with an invalid level is reported as invalid, not as not assessed.
func unassessed(levels map[string]any, m *Matrix) []string {
	var out []string
	for _, id := range m.SkillIDs() {
		if _, ok := levels[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}
