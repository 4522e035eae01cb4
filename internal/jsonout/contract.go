package jsonout

// The JSON contract, for every command's --format json:
//   - the output is one object with "version" (Version) and one top-level
//     key that names what it holds: plans, agendas, history, diff, check
//     (and team, defined by `coach team`);
//   - a command that can cover several people gives a list even for one;
//   - a person is {id, name}; a level is a number with its name beside it;
//   - a date is YYYY-MM-DD, a commit's time full RFC 3339;
//   - a problem with a file is {file, line, column, severity, message, hint}.
// An additive change (a new key) keeps the version; removing a key or
// changing what one means bumps it. Each output has a JSON Schema, generated
// from these types by Schema and written by `coach schema --output`.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/coach-dev/coach/internal/cycle"
	"io"
	"reflect"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// Version is the "version" of every JSON output.
const Version = 2

// Plans is `coach plan --format json`. Errors are the errors of the skill
// files that stopped every plan (Plans is then empty, and coach exits 1):
// each plan depends on the whole team.
type Plans struct {
	Version int             `json:"version"`
	Plans   []*plans.Plan   `json:"plans"`
	Errors  skills.Problems `json:"errors"`
}

// Agendas is `coach agenda --format json`.
type Agendas struct {
	Version int             `json:"version"`
	Agendas []*plans.Agenda `json:"agendas"`
	Errors  skills.Problems `json:"errors"`
}

// History is `coach history --format json`: one entry per person, in the
// order of their latest change, newest first.
type History struct {
	Version int             `json:"version"`
	History []PersonHistory `json:"history"`
}

// PersonHistory is one person's changes in History.
type PersonHistory struct {
	Person  plans.PersonRef `json:"person"`
	Changes []HistoryChange `json:"changes"`
}

// HistoryChange is one change in history's JSON. From and To are levels
// (numbers, null for not assessed) for level and self changes, role ids for
// role and target, person ids for renamed; FromName and ToName say what
// they are called.
type HistoryChange struct {
	Commit   string      `json:"commit"`
	Date     string      `json:"date" format:"date-time"` // the commit's time, RFC 3339
	Author   string      `json:"author"`
	Email    string      `json:"email"`
	Subject  string      `json:"subject"`
	Kind     skills.Kind `json:"kind"`
	Skill    string      `json:"skill,omitempty"`
	Skills   []string    `json:"skills,omitempty"` // a goal's skills, all of them; skill is the first
	From     any         `json:"from"`
	FromName string      `json:"from_name,omitempty"`
	To       any         `json:"to"`
	ToName   string      `json:"to_name,omitempty"`
	Text     string      `json:"text,omitempty"`
	On       string      `json:"on,omitempty"` // an evidence entry's date or a goal's due date, YYYY-MM-DD
}

// Diff is `coach diff --format json`.
type Diff struct {
	Version int        `json:"version"`
	Diff    DiffReport `json:"diff"`
}

// DiffReport is the review with the problems of the files it could not
// read: their file is written rev:path, as git does, or the bare path for
// the working tree.
type DiffReport struct {
	*plans.Review
	Errors skills.Problems `json:"errors"`
}

// Check is `coach check --format json`.
type Check struct {
	Version int         `json:"version"`
	Check   CheckReport `json:"check"`
}

// CheckReport lists the files checked and every problem, errors apart from
// warnings.
type CheckReport struct {
	Files    []string        `json:"files"`
	Errors   skills.Problems `json:"errors"`
	Warnings skills.Problems `json:"warnings"`
}

// NewCheck is the Check of files with the problems ps.
func NewCheck(files []string, ps skills.Problems) Check {
	report := CheckReport{Files: files, Errors: skills.Problems{}, Warnings: skills.Problems{}}
	if report.Files == nil {
		report.Files = []string{}
	}
	for _, p := range ps {
		if p.Severity == skills.Error {
			report.Errors = append(report.Errors, p)
		} else {
			report.Warnings = append(report.Warnings, p)
		}
	}
	return Check{Version: Version, Check: report}
}

// defNames are the $defs names of the contract's structs, the names they had
// when they were declared in package main: a schema written by an earlier
// coach, and whatever refers into it, keeps them.
var defNames = map[reflect.Type]string{
	reflect.TypeFor[PersonHistory](): "main-personHistory",
	reflect.TypeFor[HistoryChange](): "main-historyChange",
	reflect.TypeFor[DiffReport]():    "main-diffReport",
	reflect.TypeFor[CheckReport]():   "main-checkReport",
}

// Output is one JSON output: its top-level key, its title and its Go type,
// from which its schema is generated.
type Output struct {
	Key, Title string
	Type       reflect.Type
}

// Schema is the output's JSON Schema.
func (o Output) Schema() []byte { return Schema(o.Key, o.Title, Version, o.Type) }

// Outputs lists each JSON output but the team view's (plans.TeamSchema).
var Outputs = []Output{
	{"plans", "coach plan --format json", reflect.TypeFor[Plans]()},
	{"agendas", "coach agenda --format json", reflect.TypeFor[Agendas]()},
	{"history", "coach history --format json", reflect.TypeFor[History]()},
	{"diff", "coach diff --format json", reflect.TypeFor[Diff]()},
	{"check", "coach check --format json", reflect.TypeFor[Check]()},
	{"promotions", "coach promo --format json", reflect.TypeFor[cycle.CasesOutput]()},
	{"calibration_packet", "coach calibrate --format json", reflect.TypeFor[cycle.PacketOutput]()},
	{"reviews", "coach review --format json", reflect.TypeFor[cycle.ReviewsOutput]()},
}

// OrEmpty makes a nil problem list an empty one, so JSON shows [].
func OrEmpty(ps skills.Problems) skills.Problems {
	if ps == nil {
		return skills.Problems{}
	}
	return ps
}

// WriteHistory writes the History of changes, grouped by person newest
// first as they come, byte for byte as Write would, one person at a time: a
// whole organisation's history is hundreds of thousands of changes, and
// encoded at once it took several times the memory of the history itself.
func WriteHistory(w io.Writer, changes []skills.Change, repo *skills.Repo, m *skills.Matrix) error {
	var order []string
	own := map[string][]int{}
	for i, c := range changes {
		if _, ok := own[c.Person]; !ok {
			order = append(order, c.Person)
		}
		own[c.Person] = append(own[c.Person], i)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"history\": [", Version)
	for k, id := range order {
		ph := PersonHistory{Person: Person(repo, id), Changes: make([]HistoryChange, 0, len(own[id]))}
		for _, i := range own[id] {
			ph.Changes = append(ph.Changes, Change(changes[i], m))
		}
		rv := reflect.ValueOf(&ph)
		FillLists(rv)
		b, err := json.MarshalIndent(ph, "    ", "  ")
		if err != nil {
			return err
		}
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(EscapeControls(b))
	}
	if len(order) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// Person is the reference to the person id of repo: their name, else their
// id (someone who has left).
func Person(repo *skills.Repo, id string) plans.PersonRef {
	name := id
	if p, err := repo.Person(id); err == nil && p.Name != "" {
		name = p.Name
	}
	return plans.PersonRef{ID: id, Name: name}
}

// Change is c in history's JSON, its levels and roles named after m.
func Change(c skills.Change, m *skills.Matrix) HistoryChange {
	h := HistoryChange{Commit: c.Commit, Date: c.Date.Format(time.RFC3339), Author: c.Author, Email: c.Email,
		Subject: c.Subject, Kind: c.Kind, Skill: c.Skill, Skills: c.Skills, From: nullable(c.From), To: nullable(c.To), Text: c.Text}
	if !c.On.IsZero() {
		h.On = c.On.Format(time.DateOnly)
	}
	switch c.Kind {
	case skills.KindLevel, skills.KindSelf:
		h.From, h.FromName = level(c.FromLevel(), m)
		h.To, h.ToName = level(c.ToLevel(), m)
	case skills.KindRole, skills.KindTarget:
		h.FromName, h.ToName = roleName(c.From, m), roleName(c.To, m)
	}
	return h
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func level(n int, m *skills.Matrix) (any, string) {
	if n == 0 {
		return nil, "not assessed"
	}
	if l := m.Level(n); l != nil {
		return n, l.Name
	}
	return n, fmt.Sprint(n)
}

func roleName(id string, m *skills.Matrix) string {
	if r := m.Role(id); r != nil {
		return r.Name
	}
	return id
}
