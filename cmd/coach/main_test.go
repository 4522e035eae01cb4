package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"coach": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each builds a
// real repository (with real git commits at fixed dates), runs the coach
// binary and compares its output exactly.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			testdata, err := filepath.Abs("testdata")
			if err != nil {
				return err
			}
			for k, v := range map[string]string{
				// TESTDATA holds the teams a script can build, such as
				// team2/build.sh.
				"TESTDATA":            testdata,
				"HOME":                env.WorkDir,
				"GIT_CONFIG_NOSYSTEM": "1",
				"GIT_AUTHOR_NAME":     "Maya Okafor",
				"GIT_AUTHOR_EMAIL":    "maya.okafor@example.com",
				"GIT_COMMITTER_NAME":  "Maya Okafor",
				"GIT_COMMITTER_EMAIL": "maya.okafor@example.com",
				"GIT_AUTHOR_DATE":     "2026-11-02T10:00:00Z",
				"GIT_COMMITTER_DATE":  "2026-11-02T10:00:00Z",
				"TZ":                  "UTC",
			} {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// agendaprose FILE... fails on what no agenda's prose may hold
			// (see agendaProse).
			"agendaprose":   agendaproseCmd,
			"agendarepeats": agendarepeatsCmd,
			// agendatries FILE... fails when two agendas give the same idea
			// to try, the person's own words aside
			"agendatries": agendatriesCmd,
			// sentences N FILE... fails when a sentence of more than eight
			// words is said twice in one plan or in more than N plans
			"sentences": sentencesCmd,
			// prose FILE... requires every generated file to read as prose
			// for people: no TOML syntax, command, file name or placeholder,
			// and no sentence repeated under two skills (see proseProblems).
			"prose": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) == 0 {
					ts.Fatalf("usage: prose FILE...")
				}
				var problems []string
				for _, f := range args {
					for _, p := range proseProblems(ts.ReadFile(f)) {
						problems = append(problems, f+": "+p)
					}
				}
				if len(problems) > 0 {
					ts.Fatalf("not prose:\n%s", strings.Join(problems, "\n"))
				}
			},
			// jsonlen KEY.KEY N requires the list at that path of the JSON on
			// stdout to hold N items.
			"jsonlen": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: jsonlen KEY.KEY N")
				}
				var v any
				ts.Check(json.Unmarshal([]byte(ts.ReadFile("stdout")), &v))
				for _, k := range strings.Split(args[0], ".") {
					m, ok := v.(map[string]any)
					if !ok {
						ts.Fatalf("jsonlen: %s is not an object", k)
					}
					v = m[k]
				}
				list, ok := v.([]any)
				if !ok {
					ts.Fatalf("jsonlen: %s is not a list", args[0])
				}
				if fmt.Sprint(len(list)) != args[1] {
					ts.Fatalf("jsonlen: %s has %d items, want %s", args[0], len(list), args[1])
				}
			},
			// xmlvalid FILE requires FILE to be one XML document, read
			// strictly, as xmllint and a browser read an SVG.
			"xmlvalid": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: xmlvalid FILE")
				}
				if err := strictXML([]byte(ts.ReadFile(args[0]))); err != nil {
					ts.Fatalf("%s is not XML: %v", args[0], err)
				}
			},
			// exitcode N command args... runs the command and requires exit status N.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exitcode: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}

// strictXML reads data as one XML document, strictly, and fails on
// anything but white space outside its root element.
func strictXML(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements, want 1", roots)
	}
	return nil
}

// proseBans are what a plan or an agenda must never show a person: TOML
// syntax, a command, a file name, a placeholder.
var proseBans = []*regexp.Regexp{
	regexp.MustCompile(`\[\[`),
	regexp.MustCompile(`= "`),
	regexp.MustCompile(`\[(levels|self|private|plan|agenda)\]`),
	regexp.MustCompile(`\.toml\b`),
	regexp.MustCompile("`[^`]*[ =][^`]*`"), // a backticked command or assignment
	regexp.MustCompile(`\bcoach (plan|agenda|check|team|diff|history|init|notes|schema)\b`),
	regexp.MustCompile(`YYYY|TODO|TBD|<no value>|%!|\{\{|(?i)placeholder|lorem|introduction to your |\byour best\b`),
	// The tool's workings (cold read 20, finding 16): a person reads about
	// their work, not about their file; a teammate unnamed is a placeholder.
	regexp.MustCompile(`(?i)\bin your file\b|whom that evidence names|a less experienced teammate`),
}

// proseProblems lists what is wrong with a generated file as prose: a ban
// broken on a line, or a sentence said under two skills (the "### " focus
// sections, and the "- Skill:" lines of the strengths and conversations).
// The marker line is the file's plumbing, not prose.
func proseProblems(text string) []string {
	var out []string
	under := map[string]string{} // sentence -> the skill it was first said under
	skill, section := "", ""
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "<!-- Generated by coach") {
			continue
		}
		for _, re := range proseBans {
			if m := re.FindString(line); m != "" {
				out = append(out, fmt.Sprintf("line %d: %q in %q", i+1, m, line))
			}
		}
		switch {
		case strings.HasPrefix(line, "## "):
			skill, section = "", line
		case strings.HasPrefix(line, "### ") && section == "## Focus skills":
			skill = line
		}
		body, where := line, skill
		if (section == "## Strengths" || section == "## Conversations to have") && strings.HasPrefix(line, "- ") && strings.Contains(line, ": ") {
			name, rest, _ := strings.Cut(line[2:], ": ")
			body, where = rest, "- "+name // a strength or a conversation
		}
		if where == "" {
			continue
		}
		for _, s := range strings.SplitAfter(body, ". ") {
			s = strings.TrimSpace(strings.TrimLeft(s, "0123456789. -"))
			if len(s) < 40 || strings.HasPrefix(s, "Reading: ") || strings.HasPrefix(s, "A person: ") || strings.HasPrefix(s, "At work: ") {
				continue
			}
			if first, ok := under[s]; ok && first != where {
				out = append(out, fmt.Sprintf("line %d: %q said under %q and %q", i+1, s, first, where))
			}
			under[s] = where
		}
	}
	return out
}
