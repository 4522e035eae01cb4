// Package repoexample is the example coaching repository that
// `coach init --example` starts from: a product team of six, from an APM to a
// Director, with goals, evidence, self-assessments and private notes, and six
// months of git history replayed from history/commits.toml with fixed dates
// and authors, so that every run makes the same commits.
//
// The files in this directory are the repository as it stands after the last
// commit; history/ holds the earlier versions and the list of commits. The
// same directory supplies the skeleton that a plain `coach init` writes.
package repoexample

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

//go:embed README.md coach.toml example-identity.txt all:skills all:templates all:plans all:agendas all:team history feedback self
//go:embed .github/workflows/coach.yml hooks/pre-commit .markdownlint.json .gitignore .gitattributes
var files embed.FS

// File is one file of a new repository.
type File struct {
	Path string // relative, with slashes
	Data []byte
}

// Mode is the file's permission bits: the hook must be executable.
func (f File) Mode() os.FileMode {
	if strings.HasPrefix(f.Path, "hooks/") {
		return 0o755
	}
	return 0o644
}

// skeletonPaths are the files every new coaching repository starts with.
var skeletonPaths = []string{
	"coach.toml",
	"matrix.toml",
	skills.SchemaFile,
	".github/workflows/coach.yml",
	"hooks/pre-commit",
	"skills/README.md",
	"plans/.gitkeep",
	"agendas/.gitkeep",
	"team/.gitkeep",
	"templates/README.md",
	MarkdownlintPath,
	GitignorePath,
	GitattributesPath,
}

// GitignorePath keeps out of git the temporary files that coach writes
// beside a file it replaces (".alice.md.tmp123456"): kill -9 can leave one
// behind, and `git add plans` would commit it. coach removes those it finds
// stale. Both `coach init` and `coach init --example` write it.
const GitignorePath = ".gitignore"

// GitattributesPath keeps the files coach generates in LF in every
// checkout: with core.autocrlf (Git for Windows' default) they would
// otherwise be checked out with CRLF. coach reads CRLF as the same file
// too; this keeps editors and diffs from seeing a change where there is
// none.
const GitattributesPath = ".gitattributes"

// MarkdownlintPath is the markdownlint settings that the Markdown coach
// generates keeps to: markdownlint's defaults, but for two rules a
// generated file cannot keep. MD013 (line length): a line is one fact,
// however long, so that a change is a line of a diff, never a rewrapped
// paragraph. MD024 (duplicate headings) only among siblings: team.md's
// heatmap has a section per manager with a heading per pillar in each.
const MarkdownlintPath = ".markdownlint.json"

// skeletonSource names the embedded file a skeleton file is read from when it
// is not the example's own: the example's coach.toml names the example's key,
// which a new repository must not trust.
var skeletonSource = map[string]string{"coach.toml": "history/coach.toml.v1"}

// Skeleton returns the files a plain `coach init` writes: the settings, the
// built-in matrix to customise, and the directories with their READMEs.
// version is the coach the workflow installs (see [Workflow]).
func Skeleton(version string) []File {
	out := make([]File, 0, len(skeletonPaths))
	for _, p := range skeletonPaths {
		src := p
		if s, ok := skeletonSource[p]; ok {
			src = s
		}
		data, err := read(src, version)
		if err != nil {
			panic(err) // the embedded files are fixed at build time and tested
		}
		if p == skills.ConfigFile {
			// The settings without the example's key, then its team
			// settings with its organisation as comments to fill in.
			example, err := read(p, version)
			if err != nil {
				panic(err)
			}
			i := bytes.Index(example, []byte("\n[team]\n"))
			if i < 0 {
				panic("repo-example/coach.toml has no [team] table")
			}
			data = append(append(data, '\n'), skeletonConfig(example[i+1:])...)
		}
		out = append(out, File{Path: p, Data: data})
	}
	return out
}

// exampleOrg starts the part of the example's coach.toml that describes its
// own organisation: a new repository gets it as comments to fill in.
const exampleOrg = "# The example team's organisation."

// skeletonConfig is the example's coach.toml with its organisation (its
// leader and target shape) commented out.
func skeletonConfig(data []byte) []byte {
	i := bytes.Index(data, []byte(exampleOrg))
	if i < 0 {
		panic("repo-example/coach.toml has no line " + exampleOrg)
	}
	var b bytes.Buffer
	b.Write(data[:i])
	b.WriteString("# Your organisation: uncomment and edit.\n")
	for _, line := range strings.SplitAfter(string(data[i:]), "\n")[1:] {
		switch {
		case line == "\n" || line == "" || strings.HasPrefix(line, "#"):
			b.WriteString(line)
		default:
			b.WriteString("# " + line)
		}
	}
	return b.Bytes()
}

// WorkflowPath is the CI workflow of a coaching repository.
const WorkflowPath = ".github/workflows/coach.yml"

// Workflow returns the CI workflow, installing coach at version: the
// version that made the repository, so that CI makes the same plans.
// "" leaves it at latest, for a build that recorded no version.
func Workflow(version string) ([]byte, error) {
	data, err := files.ReadFile(WorkflowPath)
	if err != nil || version == "" {
		return data, err
	}
	return bytes.Replace(data, []byte("\n  COACH_VERSION: latest\n"), []byte("\n  COACH_VERSION: "+version+"\n"), 1), nil
}

// folderPattern is a coaching folder's path inside a larger repository
// that the workflow can name as it is: in YAML without quoting, in a shell
// word and in an extended regular expression once its dots are escaped.
var folderPattern = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$`)

// ValidFolder reports whether WorkflowIn can write a workflow for a
// coaching folder at this path (slashes, relative to the repository root).
func ValidFolder(folder string) bool {
	for _, part := range strings.Split(folder, "/") {
		if part == "." || part == ".." {
			return false
		}
	}
	return folderPattern.MatchString(folder)
}

// WorkflowIn returns the CI workflow of a coaching folder inside a larger
// repository, to be written at that repository's root (the code host runs
// workflows from there only): every step runs in the folder, the check for
// changed files looks under it, and the version check names its coach.toml.
// folder is relative to the root, with slashes, and must be ValidFolder.
func WorkflowIn(version, folder string) ([]byte, error) {
	if !ValidFolder(folder) {
		return nil, fmt.Errorf("the workflow cannot name the folder %q: use letters, digits, '.', '_' and '-'", folder)
	}
	data, err := Workflow(version)
	if err != nil {
		return nil, err
	}
	s := string(data)
	for _, r := range []struct{ old, new string }{
		{"\n# It runs on every pull request,", "\n#\n# The coaching files are in " + folder + "/ of this repository: every step\n# runs there, and only a change under it is checked.\n#\n# It runs on every pull request,"},
		{"    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: " + folder + "\n"},
		{"grep -qzE '^(skills/", "grep -qzE '^" + strings.ReplaceAll(folder, ".", `\.`) + "/(skills/"},
		{"::error file=coach.toml::", "::error file=" + folder + "/coach.toml::"},
	} {
		if strings.Count(s, r.old) != 1 {
			return nil, fmt.Errorf("the built-in workflow has no single %q to adapt for a folder", strings.TrimSpace(r.old))
		}
		s = strings.Replace(s, r.old, r.new, 1)
	}
	return []byte(s), nil
}

// read returns an embedded file; matrix.toml is the built-in matrix, the
// editor schema is derived from it, and the workflow installs version.
func read(p, version string) ([]byte, error) {
	switch p {
	case WorkflowPath:
		return Workflow(version)
	case skills.MatrixFile:
		return skills.DefaultMatrixTOML(), nil
	case skills.SchemaFile:
		m, err := skills.DefaultMatrix()
		if err != nil {
			return nil, err
		}
		return skills.Schema(m), nil
	}
	return files.ReadFile(p)
}

// Final returns every file of the example as it stands after its history,
// ordered by path, with the workflow installing version.
func Final(version string) ([]File, error) {
	var out []File
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "history/") {
			return err
		}
		data, err := read(p, version)
		out = append(out, File{Path: p, Data: data})
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range []string{skills.MatrixFile, skills.SchemaFile} {
		data, err := read(p, version)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: p, Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

type author struct {
	ID    string `toml:"id"`
	Name  string `toml:"name"`
	Email string `toml:"email"`
}

type commit struct {
	Date    time.Time `toml:"date"`
	Author  string    `toml:"author"`
	Message string    `toml:"message"`
	Files   []string  `toml:"files"`
	Rename  []string  `toml:"rename"`
	Branch  string    `toml:"branch"`
	Merge   string    `toml:"merge"`
}

type history struct {
	Authors []author `toml:"author"`
	Commits []commit `toml:"commit"`
}

func loadHistory() (*history, error) {
	src, err := files.ReadFile("history/commits.toml")
	if err != nil {
		return nil, err
	}
	var h history
	md, err := toml.Decode(string(src), &h)
	if err != nil {
		return nil, fmt.Errorf("history/commits.toml: %w", err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("history/commits.toml: unknown key %s", u[0])
	}
	return &h, nil
}

// Build makes the example repository in dir, which must not be inside a git
// repository: it initialises one (branch main) and replays the history, with
// the workflow installing version. It returns the commits it made, oldest
// first.
func Build(dir, version string) ([]plumbing.Hash, error) {
	h, err := loadHistory()
	if err != nil {
		return nil, err
	}
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		return nil, fmt.Errorf("git init %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, err
	}
	authors := map[string]author{}
	for _, a := range h.Authors {
		authors[a.ID] = a
	}
	branches := map[string]plumbing.Hash{}
	branchFiles := map[string][]string{}
	var made []plumbing.Hash
	var head plumbing.Hash
	for i, c := range h.Commits {
		a, ok := authors[c.Author]
		if !ok {
			return nil, fmt.Errorf("history commit %d: unknown author %q", i+1, c.Author)
		}
		sig := &object.Signature{Name: a.Name, Email: a.Email, When: c.Date}
		opts := &git.CommitOptions{Author: sig, Committer: sig}
		changes := c.Files
		if c.Merge != "" {
			tip, ok := branches[c.Merge]
			if !ok {
				return nil, fmt.Errorf("history commit %d: merge of unknown branch %q", i+1, c.Merge)
			}
			changes = branchFiles[c.Merge]
			opts.Parents = []plumbing.Hash{head, tip}
		}
		if err := apply(dir, wt, changes, c.Rename, version); err != nil {
			return nil, fmt.Errorf("history commit %d: %w", i+1, err)
		}
		hash, err := wt.Commit(c.Message+"\n", opts)
		if err != nil {
			return nil, fmt.Errorf("history commit %d: %w", i+1, err)
		}
		made = append(made, hash)
		if c.Branch == "" {
			head = hash
			continue
		}
		// A branch commit leaves main where it was.
		branches[c.Branch] = hash
		branchFiles[c.Branch] = c.Files
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName(c.Branch), hash)); err != nil {
			return nil, err
		}
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName("main"), head)); err != nil {
			return nil, err
		}
		if err := wt.Reset(&git.ResetOptions{Commit: head, Mode: git.HardReset}); err != nil {
			return nil, err
		}
	}
	return made, nil
}

// apply writes the files of one commit and stages them.
func apply(dir string, wt *git.Worktree, changes, renames []string, version string) error {
	for _, spec := range changes {
		dst, src, _ := strings.Cut(spec, " <- ")
		if src == "" {
			src = dst
		}
		data, err := read(src, version)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(dst)), data, File{Path: dst}.Mode()); err != nil {
			return err
		}
		if _, err := wt.Add(dst); err != nil {
			return fmt.Errorf("git add %s: %w", dst, err)
		}
	}
	for _, spec := range renames {
		from, to, ok := strings.Cut(spec, " -> ")
		if !ok {
			return fmt.Errorf("rename %q: want \"OLD -> NEW\"", spec)
		}
		if _, err := wt.Move(from, to); err != nil {
			return fmt.Errorf("git mv %s %s: %w", from, to, err)
		}
	}
	return nil
}

func writeFile(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.WriteFile(path, data, mode)
}

// LastDate is the date of the example history's last commit: the week
// whose agendas the example ships with.
func LastDate() (time.Time, error) {
	h, err := loadHistory()
	if err != nil {
		return time.Time{}, err
	}
	if len(h.Commits) == 0 {
		return time.Time{}, errors.New("history/commits.toml has no commits")
	}
	return h.Commits[len(h.Commits)-1].Date, nil
}

// CommitAll stages everything under dir, the repository Build made, and
// commits it as the example's leader (its first author), half an hour after
// the example's last commit: the plans and agendas generated from the
// history are then part of it, as a team's own would be.
func CommitAll(dir, message string) (plumbing.Hash, error) {
	h, err := loadHistory()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	last, err := LastDate()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	wt, err := repo.Worktree()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("git add: %w", err)
	}
	a := h.Authors[0]
	sig := &object.Signature{Name: a.Name, Email: a.Email, When: last.Add(30 * time.Minute)}
	return wt.Commit(message+"\n", &git.CommitOptions{Author: sig, Committer: sig})
}
