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
// from these types by outputSchema and written by `coach schema --output`.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
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
		fillLists(rv)
		b, err := json.MarshalIndent(ph, "    ", "  ")
		if err != nil {
			return err
		}
		if k > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(escapeJSONControls(b))
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

// fillLists replaces every nil slice reachable from v through pointers,
// structs and slices with an empty one, so that JSON shows [] and not null.
func fillLists(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fillLists(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fillLists(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			if v.CanSet() {
				v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			}
			return
		}
		for i := range v.Len() {
			fillLists(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if e := v.MapIndex(k); e.Kind() == reflect.Pointer {
				fillLists(e)
			}
		}
	}
}

// outputSchema is the JSON Schema (draft 2020-12) of one output, derived
// from its Go type: every field that encoding/json always writes is
// required, and no other key is allowed, so a test that validates the
// outputs against their schemas catches a field that drifts. Named structs
// become $defs, which is what lets a list item hold items.
func outputSchema(key, title string, typ reflect.Type) []byte {
	g := &schemaGen{defs: obj{}}
	s := g.inline(typ)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://coach.dev/schema/" + key + ".schema.json"
	s["title"] = title
	s["description"] = fmt.Sprintf("The output of %s, version %d of coach's JSON contract: additive changes keep the version, a removal or a change of meaning bumps it.", title, contractVersion)
	s["properties"].(obj)["version"] = obj{"const": contractVersion}
	s["$defs"] = g.defs
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and slices always marshal
	}
	return append(b, '\n')
}

type obj = map[string]any

var (
	timeType = reflect.TypeFor[time.Time]()
	anyType  = reflect.TypeFor[any]()
)

type schemaGen struct{ defs obj }

// dateKeys are the keys whose strings are dates, YYYY-MM-DD.
var dateKeys = map[string]bool{"date": true, "due": true, "on": true, "plan_start": true, "start": true}

// schema is t's schema, a reference to $defs for a named struct.
func (g *schemaGen) schema(t reflect.Type) obj {
	if t.Kind() != reflect.Struct || t.Name() == "" || t == timeType {
		return g.inline(t)
	}
	name := strings.ReplaceAll(t.String(), ".", "-")
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = obj{} // a placeholder while t's fields refer to t
		g.defs[name] = g.inline(t)
	}
	return obj{"$ref": "#/$defs/" + name}
}

func (g *schemaGen) inline(t reflect.Type) obj {
	switch {
	case t == timeType:
		return obj{"type": "string", "format": "date-time"}
	case t == anyType:
		// One type a branch, never "type": [...]: Ajv's strict mode
		// refuses union types.
		return obj{"oneOf": []obj{{"type": "integer"}, {"type": "string"}, {"type": "null"}}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return obj{"anyOf": []obj{g.schema(t.Elem()), {"type": "null"}}}
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return obj{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return obj{"type": "number"}
	case reflect.Slice:
		return obj{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.Struct:
		props, required := obj{}, []string{}
		g.fields(t, props, &required)
		sort.Strings(required)
		return obj{"type": "object", "properties": props, "required": required, "additionalProperties": false}
	}
	panic("no JSON schema for " + t.String())
}

// fields adds t's JSON fields to props, following encoding/json's rules for
// tags and embedded structs.
func (g *schemaGen) fields(t reflect.Type, props obj, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props, required)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.schema(ft)
		if ft.Kind() == reflect.String {
			// The contract's dates: a key that names a date holds
			// YYYY-MM-DD, unless its field says otherwise.
			switch format := f.Tag.Get("format"); {
			case format != "":
				props[name] = obj{"type": "string", "format": format}
			case dateKeys[name]:
				props[name] = obj{"type": "string", "format": "date"}
			}
		}
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			*required = append(*required, name)
		}
	}
}
