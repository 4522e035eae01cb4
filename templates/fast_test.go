package templates

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"text/template"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The data of the differential tests: what text/template treats in its
// own ways (methods on T and *T, embedded fields, maps, interfaces, nil).
type fixture struct {
	Name   string
	Count  int
	Small  int8
	U      uint
	F      float64
	OK     bool
	Kind   string
	Level  level
	Tag    tag
	Note   markdownNote
	List   []string
	Empty  []string
	Items  []item
	Map    map[string]int
	NoMap  map[string]int
	Ptr    *item
	Nil    *item
	Any    any
	NilAny any
	Err    error
	Named  names
	Chain  *link
	Big    []int
	Huge   []string
	embedded
}

type item struct {
	Name  string
	Score int
}

type embedded struct{ Promoted string }

type level int

// tag is a string with a String method, which fmt uses.
type tag string

func (t tag) String() string { return "<" + string(t) + ">" }

// markdownNote is Markdown already (as plans.Markdown): printed as it is.
type markdownNote string

func (m markdownNote) Markdown() string { return string(m) }

type names []string

type link struct {
	Head string
	Tail *link
}

func (f fixture) Value() string    { return "value @" + f.Name }
func (f *fixture) Pointer() int    { return f.Count * 2 }
func (f *fixture) Times(n int) int { return f.Count * n }
func (f *fixture) Fails() (string, error) {
	return "", errors.New("it fails")
}
func (f *fixture) Works() (string, error) { return "works", nil }
func (i item) Label() string              { return i.Name + "|" }

func newFixture() *fixture {
	chain := &link{Head: "a", Tail: &link{Head: "b", Tail: &link{Head: "c"}}}
	return &fixture{
		Name: "Ann @ann <b>", Count: 3, Small: -4, U: 7, F: 2.5, OK: true, Kind: "practice",
		Level: 4, Tag: "t|g", Note: "**bold** @x",
		List:  []string{"x", "y|z", "@w"},
		Items: []item{{"one", 1}, {"two", 2}, {"three", 3}},
		Map:   map[string]int{"a": 1, "b": 2},
		Ptr:   &item{"ptr", 9}, Any: &item{"any", 8},
		Named: names{"n1", "n2"}, Chain: chain,
		Big: make([]int, 50), Huge: []string{strings.Repeat("x", 5<<20), strings.Repeat("y", 5<<20)},
		embedded: embedded{Promoted: "promoted"},
	}
}

// TestFastMatchesTextTemplate renders each template with the fast path and
// with text/template alone: the output, or the error, is the same. fast
// says whether the fast path serves the template itself, or leaves it to
// text/template.
func TestFastMatchesTextTemplate(t *testing.T) {
	tests := []struct {
		name string
		src  string
		data any
		fast bool
	}{
		{"text", "plain text\n\n\n  more  \n", nil, true},
		{"fields", "{{.Name}} {{.Count}} {{.Small}} {{.OK}} {{.Kind}} {{.Level}} {{.Promoted}}", newFixture(), true},
		{"other kinds", "{{.U}} {{.F}} {{.List}} {{.Named}} {{.Map}} {{.Ptr}} {{.Any}}", newFixture(), true},
		{"stringer and markdown", "{{.Tag}} {{.Note}} {{printf \"%s %v\" .Tag .Note}} {{cell .Name}}", newFixture(), true},
		{"nil values", "[{{.NilAny}}] [{{.Err}}] [{{.Nil}}]", newFixture(), true},
		{"a field of nil", "{{.Nil.Name}}", newFixture(), false},
		{"a field of a nil interface", "{{.NilAny.Name}}", newFixture(), false},
		{"a missing field", "{{.Nope}}", newFixture(), false},
		{"fields through pointers and interfaces", "{{.Ptr.Name}} {{.Any.Name}} {{.Chain.Tail.Tail.Head}}", newFixture(), true},
		{"methods", "{{.Value}} {{.Pointer}} {{.Works}} {{range .Items}}{{.Label}}{{end}}", newFixture(), true},
		{"a pointer method of a value", "{{.Pointer}}", *newFixture(), false},
		{"a value method of a value", "{{.Value}}", *newFixture(), true},
		{"a method's error", "{{.Fails}}", newFixture(), false},
		{"a method with arguments", "{{.Times 4}}", newFixture(), false},
		{"maps", "{{.a}} {{.b.c}}", map[string]any{"a": "A|", "b": map[string]int{"c": 3}}, true},
		{"a missing key", "{{.a}} {{.zz}}", map[string]any{"a": 1}, false},
		{"nil data", "{{.Name}}", nil, false},
		{"range", "{{range .List}}- {{.}}\n{{else}}none{{end}}{{range .Empty}}x{{else}}empty{{end}}{{range .NoMap}}x{{else}}no map{{end}}", newFixture(), true},
		{"range variables", "{{range $i, $it := .Items}}{{$i}}={{$it.Name}}/{{$.Count}} {{end}}{{range $it := .Items}}{{$it.Score}}{{end}}", newFixture(), true},
		{"range assignment", "{{$i := 0}}{{$e := 0}}{{range $i, $e = .Items}}{{end}}{{$i}} {{$e.Name}}", newFixture(), true},
		{"break and continue", "{{range .Items}}{{if eq .Score 2}}{{continue}}{{end}}{{.Name}}{{if eq .Score 3}}{{break}}{{end}};{{end}}", newFixture(), true},
		{"break from a nested if", "{{range $i, $x := .Big}}{{if gt $i 2}}{{if true}}{{break}}{{end}}{{end}}{{$i}}{{end}}", newFixture(), true},
		{"range over a map", "{{range $k, $v := .Map}}{{$k}}={{$v}} {{end}}", newFixture(), false},
		{"range over an integer", "{{range 3}}{{.}}{{end}}", nil, false},
		{"range over nothing", "{{range .Nil}}x{{else}}nothing{{end}}", newFixture(), false},
		{"with", "{{with .Ptr}}{{.Name}}{{end}}{{with .Nil}}x{{else with .Items}}{{len .}}{{else}}y{{end}}", newFixture(), true},
		{"variables and scopes", "{{$x := 1}}{{if true}}{{$x = 2}}{{$y := 3}}{{$y}}{{end}}{{$x}}{{if $z := .Name}}{{$z}}{{end}}", newFixture(), true},
		{"templates", "{{define \"y\"}}[{{.}}]{{end}}{{define \"n\"}}{{.}}{{end}}{{template \"y\" .Name}}{{template \"n\"}}{{template \"y\" $x := .Count}}{{$x}}", newFixture(), true},
		{"recursion", "{{define \"r\"}}{{if .}}{{.Head}}{{template \"r\" .Tail}}{{end}}{{end}}{{template \"r\" .Chain}}", newFixture(), true},
		{"runaway recursion", "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", 1, false},
		{"functions", "{{add 1 .Count}} {{sub .Count 5}} {{plural .Count \"a\" \"b\"}} {{plural 1 \"a\" \"b\"}} {{title .Kind}} {{lower .Name}} {{join .List \", \"}} {{.Kind | title | lower}}", newFixture(), true},
		{"a join of a named list", "{{join .Named \"+\"}}", newFixture(), true},
		{"printf", "{{printf \"%d %5.1f %q %v %v %s\" .Count .F .Name .Ptr .OK .List}} {{.Name | printf \"<%s>\"}} {{printf \"%v %v %v\" 1 true \"s\"}} {{printf \"%v\" nil}}", newFixture(), true},
		{"printf over its width limit", "{{printf \"%2000d\" 1}}", nil, false},
		{"a function given the wrong type", "{{add .Name 1}}", newFixture(), false},
		{"a function given an interface", "{{add .Any.Score 1}} {{$v := .Count}}{{add $v 1}}", newFixture(), true},
		{"and or not", "{{or .Empty .List}} {{and .OK .Kind}} {{or .Empty \"default\"}} {{and .Count 0}} {{not .OK}} {{not .Nil}} {{.OK | and 1}} {{.Empty | or false}}", newFixture(), true},
		{"len", "{{len .Name}} {{len .List}} {{len .Map}} {{len .Empty}}", newFixture(), true},
		{"len of nil", "{{len .Nil}}", newFixture(), false},
		{"comparisons", "{{eq .Kind \"a\" \"practice\"}} {{ne .Count 3}} {{lt .Count 4}} {{le .Count 3}} {{gt .Kind \"a\"}} {{ge .Small -4}} {{eq .Small .Level}} {{eq .OK true}} {{.Count | eq 3}}", newFixture(), true},
		{"a comparison of other kinds", "{{eq .F 2.5}}", newFixture(), false},
		{"an incompatible comparison", "{{eq .Count \"3\"}}", newFixture(), false},
		{"chains", "{{(.Ptr).Name}} {{($p := .Ptr).Score}}{{$p.Name}}", newFixture(), true},
		{"constants", "{{\"s|\"}} {{3}} {{true}} {{-2}}", nil, true},
		{"a float constant", "{{1.5}}", nil, false},
		{"index", "{{index .List 1}}", newFixture(), false},
		{"over the limit of steps", "{{range .Big}}{{range $.Big}}{{end}}{{end}}", newFixture(), false},
		{"over the limit of output", "{{range .Huge}}{{.}}{{end}}", newFixture(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(fstest.MapFS{"x.tmpl": {Data: []byte(tt.src)}})
			if err != nil {
				t.Fatal(err)
			}
			s.testHookMaxSteps = 1000
			var gaveUp string
			s.testHookGaveUp = func(name, why string) { gaveUp = why }
			got, gotErr := s.Render("x.tmpl", tt.data)
			want, wantErr := s.renderSlow("x.tmpl", tt.data)
			if diff := cmp.Diff(fmt.Sprint(wantErr), fmt.Sprint(gotErr)); diff != "" {
				t.Errorf("error (-text/template +fast):\n%s", diff)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("output (-text/template +fast):\n%s", diff)
			}
			served := s.fast["x.tmpl"].unfit == "" && gaveUp == ""
			if served != tt.fast {
				t.Errorf("the fast path served it: %v, want %v (unfit %q, gave up: %q)", served, tt.fast, s.fast["x.tmpl"].unfit, gaveUp)
			}
			if served {
				// A rendering the fast path serves must be one text/template
				// completes.
				if wantErr != nil {
					t.Errorf("the fast path served a rendering that fails: %v", wantErr)
				}
			}
		})
	}
}

// TestFastGivesUpForGood: once the fast path gave up on a template,
// text/template renders it, even with data the fast path could serve.
func TestFastGivesUpForGood(t *testing.T) {
	s, err := Load(fstest.MapFS{"x.tmpl": {Data: []byte("{{.Name}}")}})
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	s.testHookGaveUp = func(string, string) { calls++ }
	if _, err := s.Render("x.tmpl", map[string]string{}); err == nil {
		t.Fatal("a missing key rendered")
	}
	out, err := s.Render("x.tmpl", map[string]string{"Name": "a"})
	if err != nil || string(out) != "a\n" || calls != 1 || !s.fast["x.tmpl"].gaveUp.Load() {
		t.Errorf("got %q, %v after %d give-ups", out, err, calls)
	}
}

// TestOneRegistry: the two executors have the same functions. Every
// function text/template is given has a native twin the fast path calls,
// taking the same parameters; and every native the fast path has beyond
// them is one of text/template's built-ins.
func TestOneRegistry(t *testing.T) {
	for name, fn := range funcs {
		if name == "_step" {
			continue // the fast path runs it as a step of its own
		}
		typ := reflect.TypeOf(fn)
		n, ok := natives[name]
		if !ok {
			t.Errorf("%s is a function for text/template with no native twin for the fast path", name)
			continue
		}
		if functions[name].native != n {
			t.Errorf("%s: the fast path's native is not the one of functions", name)
		}
		want := typ.NumIn()
		if typ.IsVariadic() {
			if n.min != want-1 || n.max != -1 {
				t.Errorf("%s takes %d or more arguments, its native %d to %d", name, want-1, n.min, n.max)
			}
		} else if n.min != want || n.max != want {
			t.Errorf("%s takes %d arguments, its native %d to %d", name, want, n.min, n.max)
		}
		if len(n.params) != want {
			t.Errorf("%s has %d parameters, its native %d", name, want, len(n.params))
			continue
		}
		for i := range want {
			in := typ.In(i)
			if typ.IsVariadic() && i == want-1 {
				in = in.Elem()
			}
			if n.params[i] != in {
				t.Errorf("%s's parameter %d is a %v, its native's a %v", name, i, in, n.params[i])
			}
		}
	}
	for name := range natives {
		if _, ok := funcs[name]; ok {
			continue
		}
		// A built-in parses without functions; any other name does not.
		if _, err := template.New("").Parse("{{" + name + " 1}}"); err != nil {
			t.Errorf("the fast path has a function %s that text/template does not: %v", name, err)
		}
	}
	for _, name := range []string{"add", "printf", "eq"} {
		if _, ok := natives[name]; !ok {
			t.Errorf("the fast path has no %s", name)
		}
	}
}

// TestRegistryFunctionsAgree renders a call of every function of the set
// with both executors.
func TestRegistryFunctionsAgree(t *testing.T) {
	calls := map[string]string{
		"add":     "{{add 2 3}}",
		"sub":     "{{sub 2 3}}",
		"join":    `{{join .List ", "}}`,
		"lower":   `{{lower "A @B"}}`,
		"title":   `{{title "ann |x"}}`,
		"plural":  `{{plural 1 "skill" "skills"}} {{plural 2 "skill" "skills"}}`,
		"cell":    `{{cell "a|b"}}`,
		"level":   `{{level 3 "Proficient"}}, {{level 2 "Level 2"}}`,
		"printf":  `{{printf "%d %s %q" 3 "@x" .Name}}`,
		"_escape": `{{_escape "<b>"}}`,
	}
	for name := range funcs {
		if _, ok := calls[name]; !ok && name != "_step" {
			t.Errorf("no call of %s to render", name)
		}
	}
	want := map[string]string{
		"add":     "5\n",
		"sub":     "-1\n",
		"join":    "a, b\n",
		"lower":   "a @&#8203;b\n",
		"title":   "Ann \\|x\n",
		"plural":  "skill skills\n",
		"cell":    "a\\|b\n",
		"level":   "3 Proficient, level 2\n",
		"printf":  "3 @&#8203;x \"n\"\n",
		"_escape": "&lt;b>\n",
	}
	for name, src := range calls {
		s, err := LoadFiles(map[string][]byte{"x.tmpl": []byte(src)}, "")
		if err != nil {
			t.Fatal(err)
		}
		gaveUp := ""
		s.testHookGaveUp = func(_, why string) { gaveUp = why }
		data := map[string]any{"List": []string{"a", "b"}, "Name": "n"}
		got, err := s.Render("x.tmpl", data)
		if err != nil || gaveUp != "" || s.fast["x.tmpl"].unfit != "" {
			t.Errorf("%s: %v (gave up: %q, unfit: %q)", name, err, gaveUp, s.fast["x.tmpl"].unfit)
		}
		slow, err := s.renderSlow("x.tmpl", data)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want[name] || string(slow) != want[name] {
			t.Errorf("%s: the fast path printed %q, text/template %q, want %q", name, got, slow, want[name])
		}
	}
}

// exampleData is what the built-in templates render for the example team:
// plans, the team view, agendas (a first one and the next) and a review of
// the team's first versions against its current files.
func exampleData(t testing.TB) map[string][]any {
	t.Helper()
	repo, err := skills.Load(filepath.Join("..", "repo-example"))
	if err != nil {
		t.Fatal(err)
	}
	m, cfg := repo.Matrix, repo.Config
	ix := plans.IndexTeam(m, cfg, repo.People)
	data := map[string][]any{}
	byID := map[string]*plans.Plan{}
	for _, p := range repo.People {
		pl, err := plans.Build(plans.Input{Matrix: m, Config: cfg, Person: p, Team: repo.People, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		byID[p.ID] = pl
		data["plan.md.tmpl"] = append(data["plan.md.tmpl"], pl)
		week := plans.Week{Year: 2026, Num: 10}
		first := plans.BuildAgenda(plans.AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: week})
		src := "## Action items\n\n- [ ] Draft the @team plan\n- [x] Read the | docs\n\n## Your topics\n\n- Career <b>\n"
		next := plans.BuildAgenda(plans.AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: plans.Week{Year: 2026, Num: 11},
			Previous: plans.ReadAgenda(week, []byte(src))})
		data["agenda.md.tmpl"] = append(data["agenda.md.tmpl"], first, next)
	}
	for _, under := range []string{"", repo.People[0].ID} {
		team, err := plans.BuildTeam(plans.TeamInput{Matrix: m, Config: cfg, People: repo.People, Plans: byID, Index: ix, Under: under})
		if err != nil {
			t.Fatal(err)
		}
		data["team.md.tmpl"] = append(data["team.md.tmpl"], team)
	}
	base := plans.Side{Label: "base", People: map[string]*skills.Person{}, Raw: map[string][]byte{}}
	head := plans.Side{Label: "head", People: map[string]*skills.Person{}, Raw: map[string][]byte{}}
	for _, p := range repo.People {
		head.People[p.ID] = p
		head.Raw[p.ID], _ = os.ReadFile(filepath.Join("..", "repo-example", filepath.FromSlash(p.Path)))
		src, err := os.ReadFile(filepath.Join("..", "repo-example", "history", p.ID+"-1.toml"))
		if err != nil {
			continue
		}
		if old, _ := skills.DecodePerson(p.Path, src, m); old != nil {
			base.People[p.ID], base.Raw[p.ID] = old, src
		}
	}
	data["diff.md.tmpl"] = []any{plans.BuildReview(plans.ReviewInput{Matrix: m, Config: cfg, Base: base, Head: head})}
	return data
}

// TestFastServesBuiltins: the fast path renders every built-in template
// itself, the same bytes as text/template.
func TestFastServesBuiltins(t *testing.T) {
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.testHookGaveUp = func(name, why string) { t.Errorf("the fast path gave up on %s: %s", name, why) }
	for name, list := range exampleData(t) {
		if p := s.fast[name]; p == nil || p.unfit != "" {
			t.Errorf("the fast path cannot serve %s: %+v", name, p)
			continue
		}
		for i, data := range list {
			got, err := s.Render(name, data)
			if err != nil {
				t.Fatalf("%s #%d: %v", name, i, err)
			}
			want, err := s.renderSlow(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s #%d (-text/template +fast):\n%s", name, i, diff)
			}
		}
	}
}

// TestRenderConcurrently renders from many goroutines with one Set (run
// with -race).
func TestRenderConcurrently(t *testing.T) {
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	data := exampleData(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for name, list := range data {
				for _, d := range list {
					if _, err := s.Render(name, d); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkRender renders every built-in template for the example team,
// with the fast path and with text/template alone.
func BenchmarkRender(b *testing.B) {
	s, err := Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	data := exampleData(b)
	for _, path := range []string{"fast", "text-template"} {
		for _, name := range []string{"plan.md.tmpl", "team.md.tmpl", "agenda.md.tmpl", "diff.md.tmpl"} {
			b.Run(path+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					for _, d := range data[name] {
						var err error
						if path == "fast" {
							_, err = s.Render(name, d)
						} else {
							_, err = s.renderSlow(name, d)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
