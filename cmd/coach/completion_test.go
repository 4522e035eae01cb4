package main

import (
	"context"
	"github.com/coach-dev/coach/internal/completion"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/plans"
	"github.com/google/go-cmp/cmp"
)

// The shells the completion scripts are tested in. A shell that is not
// installed is skipped, after its script's text is checked (see
// TestCompletionScriptsText); CI installs all three.
var completionShells = []string{"bash", "zsh", "fish"}

// hostileTeam is the example team with a skill file, a matrix skill id, a
// branch and a tag named to run code ("pwned-*" files appear if any of them
// is ever expanded by a shell), as a pull request checked out for review
// could name them.
func hostileTeam(t *testing.T) string {
	t.Helper()
	dir := teamDir(t)
	alice, err := os.ReadFile(filepath.Join(dir, "skills", "alice.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"$(touch${IFS}pwned-person).toml", "`touch${IFS}pwned-tick`.toml", "x;touch pwned-semi.toml"} {
		if err := os.WriteFile(filepath.Join(dir, "skills", name), alice, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	matrix, err := os.ReadFile(filepath.Join(dir, "matrix.toml"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(matrix), `id = "communication"`, "id = \"`touch${IFS}pwned-skill`\"", 1)
	hostile = strings.Replace(hostile, `id = "hiring"`, `id = "$(touch${IFS}pwned-skill2)"`, 1)
	if hostile == string(matrix) {
		t.Fatal("the example matrix has no skill communication")
	}
	if err := os.WriteFile(filepath.Join(dir, "matrix.toml"), []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "branch", "$(touch${IFS}pwned-ref)")
	runGit(t, dir, "tag", "`touch${IFS}pwned-tag`")
	return dir
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// noPwned fails when a file named pwned* appeared anywhere under dirs.
func noPwned(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		filepath.WalkDir(d, func(path string, e os.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(e.Name(), "pwned") {
				t.Errorf("completion ran code from the repository: %s exists", path)
			}
			return nil
		})
	}
}

// shellCompletions completes each line (the cursor at its end) in shell
// with the script coach prints, in dir, and returns for each the words the
// shell would put in place of the last word, sorted, without descriptions
// or a directory's trailing slash.
func shellCompletions(t *testing.T, shell, dir string, lines ...string) [][]string {
	t.Helper()
	script := filepath.Join(t.TempDir(), "coach."+shell)
	out, stderr, code := coach(t, "completion", shell)
	if code != 0 {
		t.Fatalf("coach completion %s: %s", shell, stderr)
	}
	if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	var got [][]string
	if shell == "zsh" {
		// One interactive zsh completes every line: compinit is slow.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "zsh", append([]string{"-f", "-c", zshCapture, "zsh", script}, lines...)...)
		var words []string
		for _, w := range runShell(t, cmd, dir) {
			if w == "END-OF-LINE" {
				got = append(got, normalise(words))
				words = nil
				continue
			}
			words = append(words, strings.TrimPrefix(w, "HIT:"))
		}
		if len(got) != len(lines) {
			t.Fatalf("zsh completed %d lines of %d", len(got), len(lines))
		}
		return got
	}
	for _, line := range lines {
		got = append(got, shellCompletion(t, shell, dir, script, line))
	}
	return got
}

// shellCompletion completes line in bash or fish with script.
func shellCompletion(t *testing.T, shell, dir, script, line string) []string {
	t.Helper()
	var cmd *exec.Cmd
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	switch shell {
	case "bash":
		// COMP_WORDS as bash splits the line: at blanks, and around '='.
		words := strings.Split(line, " ")
		var split []string
		for _, w := range words {
			if i := strings.Index(w, "="); i > 0 && strings.HasPrefix(w, "-") {
				split = append(split, w[:i], "=")
				if i+1 < len(w) {
					split = append(split, w[i+1:])
				}
				continue
			}
			split = append(split, w)
		}
		var q []string
		for _, w := range split {
			q = append(q, strconv.Quote(w))
		}
		// A bash quoted word: strconv.Quote's escapes are not bash's, but the
		// words here are plain.
		prog := `source "$1"; COMP_WORDS=(` + strings.Join(q, " ") + `); COMP_CWORD=` + strconv.Itoa(len(split)-1) +
			`; COMP_LINE=$2; COMP_POINT=${#2}; _coach; printf '%s\n' "${COMPREPLY[@]}"`
		cmd = exec.CommandContext(ctx, "bash", "--norc", "--noprofile", "-c", prog, "bash", script, line)
		// What replaces bash's last word follows the part of the whole last
		// word that bash split off.
		last := split[len(split)-1]
		whole := words[len(words)-1]
		got := runShell(t, cmd, dir)
		for i := range got {
			got[i] = whole[:len(whole)-len(last)] + got[i]
		}
		return normalise(got)
	case "fish":
		cmd = exec.CommandContext(ctx, "fish", "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, line)
	}
	return normalise(runShell(t, cmd, dir))
}

// zshCapture completes each of $2... in an interactive zsh on a
// pseudo-terminal, with compinit and the script $1 loaded, as a person
// pressing TAB would, and prints each match zsh's completion system adds
// (its compadd, wrapped) as HIT:word, and END-OF-LINE after each line.
const zshCapture = `
zmodload zsh/zpty || exit 3
# wait_for PATTERN reads the terminal until a line matches, for up to a
# minute, and prints the HIT lines it reads.
# A read may return part of a line: the rest comes with the next.
buf=''
wait_for() {
	local chunk line
	integer i=0
	while (( i < 6000 )); do
		if zpty -r -t z chunk; then
			buf+=${chunk//$'\r'/}
			while [[ $buf == *$'\n'* ]]; do
				line=${buf%%$'\n'*}
				buf=${buf#*$'\n'}
				# The first match follows the line typed, on its line.
				[[ $line == *HIT:* ]] && print -r -- "HIT:${line#*HIT:}"
				[[ $line == $~1 ]] && return 0
			done
		else
			sleep 0.01
			(( i++ ))
		fi
	done
	print -u2 "zsh: no $1 on the terminal"
	exit 4
}
zpty z zsh -f -i
zpty -w z 'PS1=""; PROMPT_EOL_MARK=""; autoload -U compinit && compinit -u -D'
zpty -w z "source ${(q)1}"
# The hook prints H""IT so that the terminal's echo of it holds no HIT.
zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; local -a __hits; builtin compadd -A __hits "$@"; local h; for h in "${__hits[@]}"; do print -r -- "H""IT:$IPREFIX$h"; done; builtin compadd "$@"; }'
zpty -w z '_cap_done () { print -r -- COMP$((2*3))DONE; compprefuncs=(_cap_pre); }; _cap_pre () { comppostfuncs=(_cap_done); }; compprefuncs=(_cap_pre)'
zpty -w z 'zstyle ":completion:*" menu no; zstyle ":completion:*" list-prompt ""; LISTMAX=100000'
zpty -w z 'print -r -- READY$((6*7))'
wait_for 'READY42*'
shift
for l in "$@"; do
	# The line and a tab, and nothing more until the completion has run:
	# zsh completes nothing while more input is waiting. Then ^U clears it.
	zpty -n -w z "$l"$'\t'
	wait_for '*COMP6DONE*'
	print -r -- END-OF-LINE
	zpty -n -w z $'\C-u'
done
zpty -d z
`

func runShell(t *testing.T, cmd *exec.Cmd, dir string) []string {
	t.Helper()
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "TERM=dumb")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s: %v\n%s%s", strings.Join(cmd.Args, " "), err, out, stderr)
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(string(out), "\r", ""), "\n") {

		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func normalise(words []string) []string {
	var out []string
	for _, w := range words {
		w, _, _ = strings.Cut(w, "\t")
		out = append(out, strings.TrimSuffix(w, "/"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestCompletionShells completes every kind of word in bash, zsh and fish,
// in the example team made hostile, and requires the same candidates of
// each shell, for each flag: person ids where a person is named, skill ids
// for --skill, ISO weeks for --week, branches and tags for --base, --head
// and --rev, files for --identity and --svg, and nothing for a date.
func TestCompletionShells(t *testing.T) {
	dir := hostileTeam(t)
	people := []string{"alice", "ben", "chloe", "nora", "omar", "priya", "sam-lee", "sam-patel"}
	withMaya := []string{"alice", "ben", "chloe", "maya", "nora", "omar", "priya", "sam-lee", "sam-patel"} // the leader in coach.toml
	commands := []string{"agenda", "calibrate", "check", "completion", "diff", "export", "feedback", "help", "history", "import", "init", "man", "notes", "plan", "promo", "review", "schema", "self", "team"}
	refs := []string{"alice/launch-scope", "alice/self-assessment", "main"}
	now := time.Now()
	var weeks []string
	for _, d := range []int{-7, 0, 7} {
		weeks = append(weeks, plans.WeekOf(now.AddDate(0, 0, d)).String())
	}
	tests := []struct {
		line string
		want []string
	}{
		{"coach ", commands},
		{"coach pl", []string{"plan"}},
		{"coach help ", commands},
		{"coach help h", []string{"help", "history"}},
		{"coach plan ", people},
		{"coach plan alice b", []string{"ben"}},
		{"coach plan alice ", people[1:]},
		{"coach plan --all ", nil},
		{"coach agenda s", []string{"sam-lee", "sam-patel"}},
		{"coach promo n", []string{"nora"}},
		{"coach calibrate --role senior", []string{"senior-pm"}},
		{"coach history ", people},
		{"coach history alice ", nil},
		{"coach notes ", people},
		{"coach notes --encrypt alice ", people[1:]},
		{"coach team --under ", withMaya},
		{"coach team --under=o", []string{"--under=omar"}},
		{"coach team --under m", []string{"maya"}},
		{"coach history alice --skill nego", []string{"negotiation"}},
		{"coach history alice --skill co", []string{"coaching"}},
		{"coach agenda --week ", weeks},
		{"coach history --since ", nil},
		{"coach history --until ", nil},
		{"coach history --rev ", refs},
		{"coach diff --base ", refs},
		{"coach diff --head alice/", refs[:2]},
		{"coach diff --base=m", []string{"--base=main"}},
		{"coach notes --identity ex", []string{"example-identity.txt"}},
		{"coach notes -i ex", []string{"example-identity.txt"}},
		{"coach plan --private --identity ex", []string{"example-identity.txt"}},
		{"coach history alice --svg RE", []string{"README.md"}},
		{"coach history alice --svg=RE", []string{"--svg=README.md"}},
		{"coach schema --output te", []string{"team", "templates"}},
		{"coach init te", []string{"team", "templates"}},
		{"coach -C te", []string{"team", "templates"}},
		{"coach agenda --format ", []string{"json", "md"}},
		{"coach agenda --format=j", []string{"--format=json"}},
		{"coach completion ", []string{"bash", "fish", "zsh"}},
		{"coach agenda --fo", []string{"--force", "--format"}},
		{"coach plan --st", []string{"--staged", "--stdout"}},
		{"coach -", []string{"--help", "--quiet", "--version", "-C", "-h", "-q", "-v"}},
		{"coach nosuch ", nil},
		{"coach plan -- ", people},
	}
	// Every flag of every command that takes a value, by what the value
	// is: a flag missing here (a new one) must at least not offer people,
	// as --week, --since, --until, --rev and --identity did.
	skillIDs := []string{"business-acumen", "career-development", "coaching"}
	byFlag := map[string]struct {
		typed string
		want  []string
	}{
		"skill": {"b", skillIDs[:1]}, "under": {"", withMaya}, "as": {"", withMaya}, "from": {"", people},
		"week": {"", weeks}, "since": {"", nil}, "until": {"", nil},
		"rev": {"", refs}, "base": {"", refs}, "head": {"", refs},
		"identity": {"ex", []string{"example-identity.txt"}}, "svg": {"ex", []string{"example-identity.txt"}},
		"output": {"sk", []string{"skills"}}, "C": {"sk", []string{"skills"}},
		"roles": {"3", []string{"3=senior-pm"}},
	}
	type flagCase struct {
		line     string
		want     []string
		noPeople bool
	}
	var flagCases []flagCase
	app := newApp(io.Discard, newReport(io.Discard))
	for _, c := range completion.VisibleCommands(app) {
		for _, f := range append(slices.Clip(c.Flags), app.Flags...) {
			if !completion.FlagTakesValue(f) {
				continue
			}
			name := f.Names()[0]
			flag := "--" + name
			if len(name) == 1 {
				flag = "-" + name
			}
			line := "coach " + c.Name + " " + flag + " "
			switch tt, ok := byFlag[name]; {
			case name == "format":
				flagCases = append(flagCases, flagCase{line: line, want: normalise(completion.Formats(c))})
			case ok:
				flagCases = append(flagCases, flagCase{line: line + tt.typed, want: tt.want})
			default:
				flagCases = append(flagCases, flagCase{line: line, noPeople: true})
			}
		}
	}
	for _, shell := range completionShells {
		t.Run(shell+"/flags", func(t *testing.T) {
			if _, err := exec.LookPath(shell); err != nil {
				t.Skipf("%s is not installed", shell)
			}
			var lines []string
			for _, fc := range flagCases {
				lines = append(lines, fc.line)
			}
			for i, got := range shellCompletions(t, shell, dir, lines...) {
				fc := flagCases[i]
				if fc.noPeople {
					if slices.Contains(got, "alice") {
						t.Errorf("%s: %q offers person ids: %q", shell, fc.line, got)
					}
					continue
				}
				if diff := cmp.Diff(fc.want, got, cmpEmpty); diff != "" {
					t.Errorf("%s: %q (-want +got):\n%s", shell, fc.line, diff)
				}
			}
		})
	}
	for _, shell := range completionShells {
		t.Run(shell, func(t *testing.T) {
			if _, err := exec.LookPath(shell); err != nil {
				t.Skipf("%s is not installed", shell)
			}
			var lines []string
			for _, tt := range tests {
				lines = append(lines, tt.line)
			}
			for i, got := range shellCompletions(t, shell, dir, lines...) {
				if diff := cmp.Diff(tests[i].want, got, cmpEmpty); diff != "" {
					t.Errorf("%s: %q (-want +got):\n%s", shell, tests[i].line, diff)
				}
			}
			// -C names the repository, wherever the shell is.
			got := shellCompletions(t, shell, filepath.Dir(dir), "coach -C team plan s")[0]
			if diff := cmp.Diff([]string{"sam-lee", "sam-patel"}, got); diff != "" {
				t.Errorf("%s: -C team (-want +got):\n%s", shell, diff)
			}
			noPwned(t, filepath.Dir(dir))
		})
	}
}

var cmpEmpty = cmp.Transformer("empty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

// TestCompletionDoesNotRunCodeFromTheRepository is the regression test of
// the finding "tab completion runs code from the repository": the bash
// script handed `coach __complete` output to compgen -W, which expands $(...)
// and backticks, so a skill file named $(touch${IFS}x).toml or a matrix id in
// backticks ran when a leader pressed TAB after `coach plan `. In each shell,
// with the real coach on a hostile repository and with a coach that prints
// hostile words (as if a check let one through), nothing runs and the words
// are offered, if at all, as they are.
func TestCompletionDoesNotRunCodeFromTheRepository(t *testing.T) {
	dir := hostileTeam(t)
	// A coach that prints hostile words, to test the scripts alone.
	fake := t.TempDir()
	words := []string{"$(touch${IFS}pwned-a)", "`touch${IFS}pwned-b`", "a;touch${IFS}pwned-c", "*", "$HOME"}
	var quoted []string
	for _, w := range words {
		quoted = append(quoted, "'"+w+"'")
	}
	if err := os.WriteFile(filepath.Join(fake, "coach"), []byte("#!/bin/sh\nprintf '%s\\n' "+strings.Join(quoted, " ")+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, shell := range completionShells {
		t.Run(shell, func(t *testing.T) {
			if _, err := exec.LookPath(shell); err != nil {
				t.Skipf("%s is not installed", shell)
			}
			lines := []string{"coach plan ", "coach history alice --skill ", "coach diff --base ", "coach history --rev "}
			for i, got := range shellCompletions(t, shell, dir, lines...) {
				if len(got) == 0 {
					t.Errorf("%s: %q offers nothing", shell, lines[i])
				}
				for _, w := range got {
					if !completion.ValidID(w) && !completion.ValidRef(w) {
						t.Errorf("%s: %q offers %q", shell, lines[i], w)
					}
				}
			}
			noPwned(t, filepath.Dir(dir))

			// The scripts alone: what coach prints is never expanded.
			t.Setenv("PATH", fake+string(os.PathListSeparator)+os.Getenv("PATH"))
			got := shellCompletions(t, shell, dir, "coach plan ")[0]
			noPwned(t, filepath.Dir(dir))
			// Offered as they are: not expanded, not globbed. (zsh's matches
			// are quoted as zsh inserts them: \$HOME, \*.)
			if shell == "zsh" {
				for i, w := range got {
					got[i] = regexp.MustCompile(`\\(.)`).ReplaceAllString(w, "$1")
				}
				got = normalise(got)
			}
			if diff := cmp.Diff(normalise(words), got); diff != "" {
				t.Errorf("%s changed the words coach printed (-printed +offered):\n%s", shell, diff)
			}
		})
	}
}

// TestCompletionScriptsText checks the scripts' text, for a shell that is
// not installed too: none passes coach's words to eval or compgen -W or
// expands them unquoted, and each parses.
func TestCompletionScriptsText(t *testing.T) {
	for _, shell := range completionShells {
		out, _, code := coach(t, "completion", shell)
		if code != 0 {
			t.Fatalf("coach completion %s exited %d", shell, code)
		}
		var lines []string
		for _, l := range strings.Split(out, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "#") {
				lines = append(lines, l)
			}
		}
		for _, bad := range []string{"compgen -W", "eval", "compadd -Q", "=($(", "=( $("} {
			if strings.Contains(strings.Join(lines, "\n"), bad) {
				t.Errorf("the %s script has %q", shell, bad)
			}
		}
		if !strings.Contains(out, "__complete "+shell+" --") {
			t.Errorf("the %s script does not ask coach __complete %s", shell, shell)
		}
		if _, err := exec.LookPath(shell); err == nil {
			file := filepath.Join(t.TempDir(), "coach."+shell)
			if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command(shell, "-n", file).CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", shell, err, b)
			}
		}
	}
}

// TestCompleteCandidates is the table of __complete itself, for words bash
// splits at '=' and for the commands without arguments.
func TestCompleteCandidates(t *testing.T) {
	cp := &completion.Completer{App: newApp(io.Discard, newReport(io.Discard)), Src: fakeSource{
		ids:       []string{"bob", "alice", "$(x)", "Bad", "alice"},
		leaderIDs: []string{"maya", "`x`"},
		skillIDs:  []string{"coaching", "`x`"},
		refNames:  []string{"main", "v1.0", "feature/a-b", "$(x)", "-rf", "a..b", "x.lock", ".hidden", "a;b"},
	}, Now: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)}
	tests := []struct {
		shell string
		words []string
		want  string
	}{
		{"zsh", []string{"plan", ""}, "alice\nbob\n"},
		{"zsh", []string{"diff", "--base", ""}, "main\nv1.0\nfeature/a-b\n"},
		{"zsh", []string{"agenda", "--week", ""}, "2026-W48\n2026-W49\n2026-W50\n"},
		{"zsh", []string{"agenda", "--week", "2026-W5"}, "2026-W50\n"},
		{"zsh", []string{"history", "--skill", ""}, "coaching\n"},
		{"zsh", []string{"history", "--svg", "x"}, ":files\n"},
		{"zsh", []string{"schema", "--output", ""}, ":dirs\n"},
		{"zsh", []string{"import", ""}, ":files\n"},
		{"zsh", []string{"import", "a.md", ""}, ":files\n"},
		{"zsh", []string{"import", "--output", ""}, ":files\n"},
		{"zsh", []string{"import", "--roles", ""}, "1=apm\n2=pm\n3=senior-pm\n4=gpm\n5=director\n6=vp\n7=cpo\n"},
		{"zsh", []string{"import", "--roles=4"}, "--roles=4=gpm\n"},
		{"zsh", []string{"import", "--format", ""}, "monzo\ncsv\n"},
		{"zsh", []string{"export", "--format", ""}, "csv\n"},
		{"zsh", []string{"export", "--output", ""}, ":files\n"},
		{"zsh", []string{"check", ""}, ""},
		{"zsh", []string{"man", ""}, ""},
		{"zsh", []string{"schema", ""}, ""},
		{"zsh", []string{"team", ""}, ""},
		{"zsh", []string{"diff", "--base", "main", ""}, ""},
		{"zsh", []string{"history", "--since", ""}, ""},
		{"zsh", []string{"history", "--until", "2026"}, ""},
		{"zsh", []string{"notes", "--identity", ""}, ":files\n"},
		{"zsh", []string{"-C", ""}, ":dirs\n"},
		{"zsh", []string{"-C="}, ":dirs\n"},
		{"zsh", []string{"-q", "pl"}, "plan\twrite individual development plans to plans/NAME.md\n"},
		{"zsh", []string{"he"}, "help\tshow the commands, or one command's help\n"},
		// bash: "--format=j" is three words, and bash replaces the last.
		{"bash", []string{"agenda", "--format", "=", "j"}, "json\n"},
		{"bash", []string{"agenda", "--format", "="}, "=md\n=json\n"},
		{"bash", []string{"team", "--under", "=", "a"}, "alice\n"},
		{"zsh", []string{"team", "--under", ""}, "alice\nbob\nmaya\n"},
		{"fish", []string{"agenda", "--format=j"}, "--format=json\n"},
	}
	for _, tt := range tests {
		if got := cp.Complete(tt.shell, tt.words).String(); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.shell, tt.words, got, tt.want)
		}
	}
	// help is offered once.
	out := cp.Complete("zsh", []string{""}).String()
	if n := strings.Count(out, "\nhelp\t"); n != 1 {
		t.Errorf("help is offered %d times:\n%s", n, out)
	}
}

type fakeSource struct{ ids, leaderIDs, skillIDs, refNames []string }

func (s fakeSource) People(string) []string  { return s.ids }
func (s fakeSource) Leaders(string) []string { return s.leaderIDs }
func (s fakeSource) Skills(string) []string  { return s.skillIDs }
func (s fakeSource) Refs(string) []string    { return s.refNames }

var (
	fuzzID  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	fuzzRef = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$`)
)

// FuzzCompleteOutput completes any command line in a repository whose
// person ids, skill ids and refs are any strings: every candidate printed
// is a valid id, ref, week or one of coach's own words (possibly after
// --flag= or bash's '='), and holds no shell metacharacter.
func FuzzCompleteOutput(f *testing.F) {
	f.Add("plan ", "$(touch x)", "`id`")
	f.Add("history --skill ", "a b", "x;y")
	f.Add("diff --base=", "main\nrm -rf", "v1.0")
	f.Add("agenda --week ", "", "-x")
	f.Add("team --under = ", "alice", "${IFS}")
	app := newApp(io.Discard, newReport(io.Discard))
	own := map[string]bool{"bash": true, "zsh": true, "fish": true}
	for _, c := range completion.Commands(app) {
		own[c.Name] = true
		for _, w := range completion.FlagWords(c.Flags) {
			own[w] = true
		}
		for _, v := range completion.Formats(c) {
			own[v] = true
		}
	}
	for i, id := range framework.Ladder() {
		own[strconv.Itoa(i+1)+"="+id] = true
	}
	for _, w := range append(completion.FlagWords(app.Flags), "--help", "--version", "-h", "-v") {
		own[w] = true
	}
	f.Fuzz(func(t *testing.T, line, a, b string) {
		src := fakeSource{ids: []string{a, b, "alice"}, leaderIDs: []string{b, a}, skillIDs: []string{b, a, "coaching"}, refNames: []string{a, b, "main"}}
		cp := &completion.Completer{App: app, Src: src, Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}
		valid := func(w string) bool {
			return own[w] || fuzzID.MatchString(w) || fuzzRef.MatchString(w) && !strings.Contains(w, "..") ||
				regexp.MustCompile(`^\d{4}-W\d{2}$`).MatchString(w)
		}
		for _, shell := range completionShells {
			out := cp.Complete(shell, strings.Split(line, " ")).String()
			if out == ":files\n" || out == ":dirs\n" {
				continue
			}
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if l == "" {
					continue
				}
				w, _, _ := strings.Cut(l, "\t")
				if strings.ContainsAny(w, " \t\n\r$`\\\"'|&;<>(){}[]*?!~#%^,:@") {
					t.Fatalf("%s %q: candidate %q has a shell metacharacter", shell, line, w)
				}
				value := w
				if flag, v, ok := strings.Cut(w, "="); ok {
					if flag != "" && !own[flag] {
						t.Fatalf("%s %q: candidate %q: %q is no flag of coach", shell, line, w, flag)
					}
					value = v
				}
				if !valid(value) {
					t.Fatalf("%s %q: candidate %q is no valid id, ref, week or word of coach", shell, line, w)
				}
			}
		}
	})
}
