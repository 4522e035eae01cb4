// Package completion completes coach's command lines for bash, zsh and
// fish: commands, flags, person and skill ids, git references and ISO weeks.
package completion

// Shell completion. The scripts for bash, zsh and fish are thin: they hand
// the words typed so far to the hidden `coach __complete SHELL -- WORD...`,
// which decides everything (which command, which flag's value, what to
// offer) and prints the candidates, one a line. A repository is untrusted
// (a pull request checked out for review names its own skill files, matrix
// ids and branches), so:
//   - coach prints only words it has checked: ids that pass skills.ValidID,
//     references made of letters, digits and . _ / -, its own commands and
//     flags, and nothing else (completionSafe is the last gate);
//   - the scripts add what coach printed to the shell's list of matches as
//     data: never through eval, compgen -W, or an unquoted expansion, so that
//     even a word that got through would not be expanded.
// File and directory names are completed by the shell's own file completion,
// which quotes them; coach asks for it with a first line of ":files" or
// ":dirs", which no candidate can be.

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coach-dev/coach/framework"
	"github.com/coach-dev/coach/internal/gitobj"
	"github.com/coach-dev/coach/internal/workspace"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/urfave/cli/v2"
)

// Source reads what a repository offers; what it returns is
// untrusted and is checked before it is printed.
type Source interface {
	People(dir string) []string  // who has a skill file
	Leaders(dir string) []string // coach.toml's [[leader]]s, who have none
	Skills(dir string) []string
	Refs(dir string) []string
}

// RepoSource reads the repository at dir. It reads no skill file: person
// ids are the skill files' names, skill ids the matrix's.
type RepoSource struct{}

// People are the ids of the skill files.
func (RepoSource) People(dir string) []string {
	root, err := skills.FindRoot(dir)
	if err != nil {
		return nil
	}
	files, err := skills.SkillFiles(root)
	if err != nil {
		return nil
	}
	var ids []string
	for _, f := range files {
		ids = append(ids, skills.PersonID(f))
	}
	return ids
}

// settings reads coach.toml and the matrix, and no skill file.
func (RepoSource) settings(dir string) *skills.Repo {
	repo, err := workspace.LoadSome(dir, func(string) bool { return false })
	if err != nil {
		return nil
	}
	return repo
}

// Leaders are the ids of coach.toml's [[leader]]s.
func (s RepoSource) Leaders(dir string) []string {
	repo := s.settings(dir)
	if repo == nil {
		return nil
	}
	var ids []string
	for _, l := range repo.Config.Leaders {
		ids = append(ids, l.ID)
	}
	return ids
}

// Skills are the matrix's skill ids.
func (s RepoSource) Skills(dir string) []string {
	repo := s.settings(dir)
	if repo == nil {
		return nil
	}
	var err error
	m := repo.Matrix
	if m == nil {
		if m, err = skills.DefaultMatrix(); err != nil {
			return nil
		}
	}
	return m.SkillIDs()
}

// Refs are the short names of the repository's branches and tags.
func (RepoSource) Refs(dir string) []string {
	names, err := gitobj.RefNames(dir)
	if err != nil {
		return nil
	}
	return names
}

// Completion is what __complete prints: candidates, or a request for the
// shell's own path completion.
type Completion struct {
	kind  string // "" candidates, "files" or "dirs"
	words []candidate
}

type candidate struct{ word, desc string }

// maxCandidates bounds what one completion prints, after the candidates
// are narrowed to the word typed: more than a shell can usefully list, so
// typing a few letters always finds an id.
const maxCandidates = 10000

// String is what __complete prints: one safe word a line, or the request
// for paths.
func (c Completion) String() string {
	if c.kind != "" {
		return ":" + c.kind + "\n"
	}
	var b strings.Builder
	n := 0
	for _, w := range c.words {
		if !completionSafe(w.word) {
			continue // the last gate: nothing else reaches a shell
		}
		if n++; n > maxCandidates {
			break
		}
		b.WriteString(w.word)
		if d := completionDesc(w.desc); d != "" {
			b.WriteString("\t" + d)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// completionSafe reports whether a shell can be given w as it is: letters,
// digits and . _ / = - only, not starting with ':' (a request for paths),
// and not too long. No shell expands or splits such a word.
func completionSafe(w string) bool {
	if w == "" || len(w) > 200 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '.', c == '_', c == '/', c == '=', c == '-':
		default:
			return false
		}
	}
	return true
}

// completionDesc makes a description one line of plain text.
func completionDesc(d string) string {
	d = strings.ReplaceAll(d, "`", "")
	return strings.Join(strings.FieldsFunc(d, func(r rune) bool { return r < ' ' || r == 0x7f }), " ")
}

// ValidID reports whether id is a person or skill id coach
// accepts, short enough to type.
func ValidID(id string) bool { return len(id) <= 100 && skills.ValidID(id) }

// ValidRef reports whether a reference's short name is safe to
// offer: parts of letters, digits and . _ - separated by '/', none starting
// with '.' or '-', without "..", as git would also accept.
func ValidRef(name string) bool {
	if name == "" || len(name) > 200 || strings.Contains(name, "..") || strings.HasSuffix(name, ".lock") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == "" || part[0] == '.' || part[0] == '-' || strings.HasSuffix(part, ".") {
			return false
		}
		for i := 0; i < len(part); i++ {
			c := part[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Completer completes one command line.
type Completer struct {
	App *cli.App
	Src Source
	Now time.Time
}

// complete returns the candidates for the last of words, the words after
// "coach" as the shell split them.
func (cp *Completer) Complete(shell string, words []string) Completion {
	if len(words) == 0 {
		words = []string{""}
	}
	// bash splits --flag=value into "--flag", "=", "value" (= is in
	// COMP_WORDBREAKS) and replaces only the last of them: join them back,
	// and give bash the part of each candidate after what it replaces.
	cut := 0
	if shell == "bash" {
		words, cut = joinEquals(words)
	}
	comp := cp.completeWords(words)
	if cut > 0 {
		for i := range comp.words {
			if len(comp.words[i].word) > cut {
				comp.words[i].word = comp.words[i].word[cut:]
			} else {
				comp.words[i].word = ""
			}
		}
	}
	return comp
}

// joinEquals joins the words bash split at '=' after a flag, and returns how
// many bytes of the last joined word precede bash's own last word.
func joinEquals(words []string) ([]string, int) {
	var out []string
	cut := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "=" && len(out) > 0 && strings.HasPrefix(out[len(out)-1], "-") && !strings.Contains(out[len(out)-1], "=") {
			prev := out[len(out)-1]
			joined := prev + "="
			cut = len(prev)
			if i+1 < len(words) {
				i++
				joined += words[i]
				cut = len(joined) - len(words[i])
			}
			out[len(out)-1] = joined
			if i == len(words)-1 {
				return out, cut
			}
			cut = 0
			continue
		}
		out = append(out, w)
	}
	return out, 0
}

// completeWords completes the last of words.
func (cp *Completer) completeWords(words []string) Completion {
	var (
		cmd         *cli.Command
		dir         = "."
		waiting     cli.Flag // a flag whose value is the next word
		flagsDone   bool
		positionals []string
		seen        = map[string]bool{}
	)
	for _, w := range words[:len(words)-1] {
		switch {
		case waiting != nil:
			if waiting.Names()[0] == "C" {
				dir = w
			}
			waiting = nil
		case !flagsDone && w == "--" && cmd != nil:
			flagsDone = true
		case !flagsDone && strings.HasPrefix(w, "-") && w != "-":
			name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
			f := cp.flag(cmd, name)
			if f == nil {
				continue
			}
			seen[f.Names()[0]] = true
			switch {
			case !FlagTakesValue(f):
			case hasValue && f.Names()[0] == "C":
				dir = value
			case !hasValue:
				waiting = f
			}
		case cmd == nil:
			if cmd = cp.command(w); cmd == nil {
				return Completion{} // not a command coach has
			}
		default:
			positionals = append(positionals, w)
		}
	}
	cur := words[len(words)-1]
	if waiting != nil {
		return cp.values(waiting, cmd, dir, "", cur)
	}
	if !flagsDone && strings.HasPrefix(cur, "-") {
		if name, value, ok := strings.Cut(strings.TrimLeft(cur, "-"), "="); ok {
			f := cp.flag(cmd, name)
			if f == nil || !FlagTakesValue(f) {
				return Completion{}
			}
			return cp.values(f, cmd, dir, cur[:len(cur)-len(value)], value)
		}
		return prefixed(cp.flagCandidates(cmd), cur)
	}
	if cmd == nil {
		return prefixed(cp.commandCandidates(), cur)
	}
	switch cmd.Name {
	case "plan", "agenda", "history", "notes", "promo", "review", "feedback", "self":
		one := cmd.Name == "history" || cmd.Name == "feedback" || cmd.Name == "self" || cmd.Name == "notes" && !seen["encrypt"]
		if seen["all"] || one && len(positionals) > 0 {
			return Completion{}
		}
		var out []candidate
		for _, id := range cp.ids(cp.Src.People(dir)) {
			if !slices.Contains(positionals, id) {
				out = append(out, candidate{word: id})
			}
		}
		return prefixed(out, cur)
	case "completion":
		if len(positionals) == 0 {
			return prefixed([]candidate{{word: "bash"}, {word: "zsh"}, {word: "fish"}}, cur)
		}
	case "help":
		if len(positionals) == 0 {
			return prefixed(cp.commandCandidates(), cur)
		}
	case "init":
		if len(positionals) == 0 {
			return Completion{kind: "dirs"}
		}
	case "import":
		return Completion{kind: "files"}
	}
	return Completion{}
}

// values completes the value of flag f: prefix is what precedes the value
// in the word ("--format=" or ""), cur the value typed so far.
func (cp *Completer) values(f cli.Flag, cmd *cli.Command, dir, prefix, cur string) Completion {
	var vals []string
	switch completionValueKind(f) {
	case "files":
		return Completion{kind: "files"}
	case "dirs":
		return Completion{kind: "dirs"}
	case "Formats":
		vals = Formats(cmd)
	case "skills":
		vals = cp.ids(cp.Src.Skills(dir))
	case "people":
		vals = cp.ids(cp.Src.People(dir))
	case "people-leaders":
		vals = cp.ids(append(cp.Src.People(dir), cp.Src.Leaders(dir)...))
	case "refs":
		for _, r := range cp.Src.Refs(dir) {
			if ValidRef(r) {
				vals = append(vals, r)
			}
		}
	case "levels-roles":
		for i, id := range framework.Ladder() {
			vals = append(vals, strconv.Itoa(i+1)+"="+id)
		}
	case "ladder":
		vals = framework.Ladder()
	case "weeks":
		// Last week, this week and next week: an agenda is mostly written
		// for the 1:1 that comes next.
		for _, d := range []int{-7, 0, 7} {
			vals = append(vals, plans.WeekOf(cp.Now.AddDate(0, 0, d)).String())
		}
	}
	var out []candidate
	for _, v := range vals {
		if strings.HasPrefix(v, cur) {
			out = append(out, candidate{word: prefix + v})
		}
	}
	return Completion{words: out}
}

// completionValueKind says what the value of a flag is, from its name or
// the placeholder in its usage (`FILE`, `DIR`, `REV`, `WEEK`): "" for a
// value coach cannot offer (a date, a number).
func completionValueKind(f cli.Flag) string {
	switch f.Names()[0] {
	case "format":
		return "Formats"
	case "skill":
		return "skills"
	case "under", "as":
		return "people-leaders" // a person, or a leader without a skill file
	case "from":
		return "people"
	case "roles":
		return "levels-roles"
	case "role":
		return "ladder" // the default ladder's role ids
	case "C":
		return "dirs"
	}
	switch FlagPlaceholder(f) {
	case "FILE":
		return "files"
	case "DIR":
		return "dirs"
	case "REV":
		return "refs"
	case "WEEK":
		return "weeks"
	}
	return ""
}

// FlagPlaceholder is the `NAME` in a flag's usage, the name of its value.
func FlagPlaceholder(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	usage := df.GetUsage()
	if i := strings.Index(usage, "`"); i >= 0 {
		if j := strings.Index(usage[i+1:], "`"); j >= 0 {
			return usage[i+1 : i+1+j]
		}
	}
	return ""
}

// FlagTakesValue reports whether f is written with a value.
func FlagTakesValue(f cli.Flag) bool {
	df, ok := f.(cli.DocGenerationFlag)
	return ok && df.TakesValue()
}

// ids keeps the valid ids of list, sorted, once each.
func (cp *Completer) ids(list []string) []string {
	var out []string
	for _, id := range list {
		if ValidID(id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// flag finds the flag name of cmd, or a global flag.
func (cp *Completer) flag(cmd *cli.Command, name string) cli.Flag {
	var flags []cli.Flag
	if cmd != nil {
		flags = cmd.Flags
	}
	for _, f := range append(slices.Clip(flags), cp.App.Flags...) {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// command finds a visible command, or help, by name.
func (cp *Completer) command(name string) *cli.Command {
	for _, c := range Commands(cp.App) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Commands are the visible commands, help among them once.
func Commands(app *cli.App) []*cli.Command {
	out := VisibleCommands(app)
	for _, c := range out {
		if c.Name == "help" {
			return out
		}
	}
	return append(out, &cli.Command{Name: "help", Usage: HelpUsage})
}

// HelpUsage describes urfave/cli's help command, which the app adds as it
// starts.
const HelpUsage = "show the commands, or one command's help"

func (cp *Completer) commandCandidates() []candidate {
	var out []candidate
	for _, c := range Commands(cp.App) {
		desc := c.Usage
		if c.Name == "help" {
			desc = HelpUsage
		}
		out = append(out, candidate{word: c.Name, desc: desc})
	}
	return out
}

// flagCandidates are the flags of cmd, or the global ones before a command.
func (cp *Completer) flagCandidates(cmd *cli.Command) []candidate {
	flags := cp.App.Flags
	if cmd != nil {
		flags = cmd.Flags
	}
	var out []candidate
	seen := map[string]bool{}
	add := func(word, desc string) {
		if !seen[word] {
			seen[word] = true
			out = append(out, candidate{word: word, desc: desc})
		}
	}
	for _, f := range flags {
		for _, w := range FlagWords([]cli.Flag{f}) {
			add(w, flagUsage(f))
		}
	}
	add("--help", "show help")
	add("-h", "show help")
	if cmd == nil {
		add("--version", "print the version")
		add("-v", "print the version")
	}
	return out
}

// prefixed keeps the candidates that start with cur.
func prefixed(list []candidate, cur string) Completion {
	var out []candidate
	for _, c := range list {
		if strings.HasPrefix(c.word, cur) {
			out = append(out, c)
		}
	}
	return Completion{words: out}
}

// FlagWords lists the ways to write flags on a command line.
func FlagWords(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) == 1 {
				out = append(out, "-"+n)
			} else {
				out = append(out, "--"+n)
			}
		}
	}
	return out
}

// Formats lists the values of a command's --format flag.
func Formats(cmd *cli.Command) []string {
	if cmd == nil {
		return nil
	}
	for _, f := range cmd.Flags {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Name == "format" {
			_, list, _ := strings.Cut(sf.Usage, ": ")
			return strings.Split(list, ", ")
		}
	}
	return nil
}

// VisibleCommands are the commands of app that help and completion show.
func VisibleCommands(app *cli.App) []*cli.Command {
	var out []*cli.Command
	for _, c := range app.Commands {
		if !c.Hidden {
			out = append(out, c)
		}
	}
	return out
}

func flagUsage(f cli.Flag) string {
	if df, ok := f.(cli.DocGenerationFlag); ok {
		return strings.ReplaceAll(df.GetUsage(), "`", "")
	}
	return ""
}

// Scripts are the scripts `coach completion` prints. They are
// constant: everything that depends on coach's commands is decided by
// `coach __complete`, so a script never goes stale as coach changes.
var Scripts = map[string]string{
	"bash": `# bash completion for coach: source <(coach completion bash) in ~/.bashrc
#
# The candidates come from ` + "`coach __complete`" + `, which prints only valid ids,
# refs and coach's own flags. They are added to COMPREPLY as data, never
# passed to eval or compgen -W, so no word from a repository is expanded.
_coach() {
	local cur=${COMP_WORDS[COMP_CWORD]} line word opt
	COMPREPLY=()
	while IFS= read -r line; do
		case $line in
		:files | :dirs)
			# The shell's own path completion, which quotes what it offers;
			# after --flag= bash's word is "=" or what follows it.
			opt=-f
			[[ $line == :dirs ]] && opt=-d
			word=${cur#=}
			compopt -o filenames 2>/dev/null
			while IFS= read -r line; do
				COMPREPLY+=("${cur%"$word"}$line")
			done < <(compgen "$opt" -- "$word")
			return 0
			;;
		*) COMPREPLY+=("${line%%$'\t'*}") ;;
		esac
	done < <(command coach __complete bash -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
	return 0
}
complete -F _coach coach
`,
	"zsh": `#compdef coach
# zsh completion for coach: source <(coach completion zsh) in ~/.zshrc, after
# compinit; or save it as _coach in a directory of $fpath.
#
# The candidates come from ` + "`coach __complete`" + `, which prints only valid ids,
# refs and coach's own flags. They reach _describe as data (the output of a
# command substitution in double quotes is not expanded again) and are
# quoted when inserted, so no word from a repository is expanded.
_coach() {
	local line
	local -a lines cands
	lines=("${(@f)$(command coach __complete zsh -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
	for line in "${lines[@]}"; do
		case $line in
		(:files) compset -P '-*='; _files; return ;;
		(:dirs) compset -P '-*='; _files -/; return ;;
		('') ;;
		(*) cands+=("${line/$'\t'/:}") ;;
		esac
	done
	(( ${#cands} )) && _describe -t coach coach cands
}
if [[ ${funcstack[1]-} == _coach ]]; then
	_coach "$@"
elif (( $+functions[compdef] )); then
	compdef _coach coach
else
	print -u2 'coach: run compinit before sourcing the completion (autoload -U compinit && compinit)'
fi
`,
	"fish": `# fish completion for coach: coach completion fish > ~/.config/fish/completions/coach.fish
#
# The candidates come from ` + "`coach __complete`" + `, which prints only valid ids,
# refs and coach's own flags; fish does not expand what a command
# substitution prints, and quotes what it inserts.
function __coach_complete --description 'complete the coach command line'
    set -l tokens (commandline -opc) (commandline -ct)
    set -l out (command coach __complete fish -- $tokens[2..-1] 2>/dev/null)
    switch "$out[1]"
        case :files :dirs
            set -l tok (commandline -ct)
            set -l prefix ''
            if string match -qr -- '^-[^=]*=' $tok
                set prefix (string match -r -- '^-[^=]*=' $tok)
                set tok (string replace -r -- '^-[^=]*=' '' $tok)
            end
            if test "$out[1]" = :dirs
                printf '%s\n' $prefix(__fish_complete_directories $tok)
            else
                printf '%s\n' $prefix(__fish_complete_path $tok)
            end
        case '*'
            printf '%s\n' $out
    end
end
complete -c coach -f -a '(__coach_complete)'
`,
}
