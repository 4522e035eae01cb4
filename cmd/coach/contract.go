package main

// The JSON contract, for every command's --format json:
//   - the output is one object with "version" (contractVersion) and one
//     top-level key that names what it holds: plans, agendas, history, diff,
//     check (and team, defined by `coach team`);
//   - a command that can cover several people gives a list even for one;
//   - a person is {id, name}; a level is a number with its name beside it;
//   - a date is YYYY-MM-DD, a commit's time full RFC 3339;
//   - a problem with a file is {file, line, column, severity, message, hint}.
// An additive change (a new key) keeps the version; removing a key or
// changing what one means bumps it. Each output has a JSON Schema, generated
// from these types by package jsonout and written by `coach schema --output`.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/internal/jsonout"
	"io"
	"reflect"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// contractVersion is the "version" of every JSON output.
const contractVersion = 1

// plansOutput is `coach plan --format json`. Errors are the errors of the
// skill files that stopped every plan (Plans is then empty, and coach exits
// 1): each plan depends on the whole team.
type plansOutput struct {
	Version int             `json:"version"`
	Plans   []*plans.Plan   `json:"plans"`
	Errors  skills.Problems `json:"errors"`
}

// agendasOutput is `coach agenda --format json`.
type agendasOutput struct {
	Version int             `json:"version"`
	Agendas []*plans.Agenda `json:"agendas"`
	Errors  skills.Problems `json:"errors"`
}

// historyOutput is `coach history --format json`: one entry per person,
// in the order of their latest change, newest first.
type historyOutput struct {
	Version int             `json:"version"`
	History []personHistory `json:"history"`
}

type personHistory struct {
	Person  plans.PersonRef `json:"person"`
	Changes []historyChange `json:"changes"`
}

// historyChange is one change in history's JSON. From and To are levels
// (numbers, null for not assessed) for level and self changes, role ids for
// role and target, person ids for renamed; FromName and ToName say what
// they are called.
type historyChange struct {
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

// diffOutput is `coach diff --format json`.
type diffOutput struct {
	Version int        `json:"version"`
	Diff    diffReport `json:"diff"`
}

// diffReport is the review with the problems of the files it could not
// read: their file is written rev:path, as git does, or the bare path for
// the working tree.
type diffReport struct {
	*plans.Review
	Errors skills.Problems `json:"errors"`
}

// checkOutput is `coach check --format json`.
type checkOutput struct {
	Version int         `json:"version"`
	Check   checkReport `json:"check"`
}

// checkReport lists the files checked and every problem, errors apart from
// warnings.
type checkReport struct {
	Files    []string        `json:"files"`
	Errors   skills.Problems `json:"errors"`
	Warnings skills.Problems `json:"warnings"`
}

// outputs lists each JSON output: its top-level key and its Go type, from
// which its schema is generated.
var outputs = []struct {
	key, title string
	typ        reflect.Type
}{
	{"plans", "coach plan --format json", reflect.TypeFor[plansOutput]()},
	{"agendas", "coach agenda --format json", reflect.TypeFor[agendasOutput]()},
	{"history", "coach history --format json", reflect.TypeFor[historyOutput]()},
	{"diff", "coach diff --format json", reflect.TypeFor[diffOutput]()},
	{"check", "coach check --format json", reflect.TypeFor[checkOutput]()},
	{"promotions", "coach promo --format json", reflect.TypeFor[cycle.CasesOutput]()},
	{"calibration_packet", "coach calibrate --format json", reflect.TypeFor[cycle.PacketOutput]()},
}

// orEmpty makes a nil problem list an empty one, so JSON shows [].
func orEmpty(ps skills.Problems) skills.Problems {
	if ps == nil {
		return skills.Problems{}
	}
	return ps
}

// writeHistoryJSON writes the historyOutput of changes, grouped by person
// newest first as they come, byte for byte as writeJSON would, one person at
// a time: a whole organisation's history is
// hundreds of thousands of changes, and encoded at once it took several
// times the memory of the history itself.
func writeHistoryJSON(w io.Writer, changes []skills.Change, repo *skills.Repo, m *skills.Matrix) error {
	var order []string
	own := map[string][]int{}
	for i, c := range changes {
		if _, ok := own[c.Person]; !ok {
			order = append(order, c.Person)
		}
		own[c.Person] = append(own[c.Person], i)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"history\": [", contractVersion)
	for k, id := range order {
		name := id
		if p, err := repo.Person(id); err == nil && p.Name != "" {
			name = p.Name
		}
		ph := personHistory{Person: plans.PersonRef{ID: id, Name: name}, Changes: make([]historyChange, 0, len(own[id]))}
		for _, i := range own[id] {
			ph.Changes = append(ph.Changes, changeJSON(changes[i], m))
		}
		rv := reflect.ValueOf(&ph)
		jsonout.FillLists(rv)
		b, err := json.MarshalIndent(ph, "    ", "  ")
		if err != nil {
			return err
		}
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(jsonout.EscapeControls(b))
	}
	if len(order) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func changeJSON(c skills.Change, m *skills.Matrix) historyChange {
	h := historyChange{Commit: c.Commit, Date: c.Date.Format(time.RFC3339), Author: c.Author, Email: c.Email,
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

// outputSchema is the JSON Schema of one output (see jsonout.Schema).
func outputSchema(key, title string, typ reflect.Type) []byte {
	return jsonout.Schema(key, title, contractVersion, typ)
}

// writeJSON writes v as every JSON output is written (see jsonout.Write).
func writeJSON(w io.Writer, v any) error { return jsonout.Write(w, v) }
