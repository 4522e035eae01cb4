package skills

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The files of a coaching repository, relative to its root.
const (
	MatrixFile = "matrix.toml"
	SkillsDir  = "skills"
)

// ErrNotRepo means no coaching repository was found.
var ErrNotRepo = errors.New("not in a coaching repository")

// ErrUnknownPerson means a person id has no skill file.
var ErrUnknownPerson = errors.New("unknown person")

// UnknownPersonError names the id that was asked for and the closest ids that
// exist. It matches [ErrUnknownPerson] with errors.Is.
type UnknownPersonError struct {
	ID      string
	Closest []string
	// RenamedOn is set when the file was renamed to Closest[0] on that day.
	RenamedOn time.Time
	// OrLeader is set when a leader's id would have done too (team --under).
	OrLeader bool
}

func (e *UnknownPersonError) Error() string {
	if !e.RenamedOn.IsZero() && len(e.Closest) == 1 {
		return fmt.Sprintf("skills/%s.toml was renamed to skills/%s.toml on %s; use %s",
			e.ID, e.Closest[0], e.RenamedOn.Format(time.DateOnly), e.Closest[0])
	}
	msg := fmt.Sprintf("no skill file skills/%s.toml", e.ID)
	if e.OrLeader {
		msg = fmt.Sprintf("%s is neither a person (no skill file skills/%s.toml) nor a [[leader]] in coach.toml", e.ID, e.ID)
	}
	if len(e.Closest) > 0 {
		msg += "; did you mean " + strings.Join(e.Closest, ", ") + "?"
	}
	return msg
}

// Is makes errors.Is(err, ErrUnknownPerson) true.
func (e *UnknownPersonError) Is(target error) bool { return target == ErrUnknownPerson }

// Repo is a coaching repository as loaded from disk.
type Repo struct {
	// Root is the repository's root directory.
	Root   string
	Config Config
	Matrix *Matrix
	// MatrixPath is "matrix.toml", or "" when the repository has none and the
	// built-in matrix is used.
	MatrixPath string
	// People are the skill files that could be decoded, ordered by id. A
	// person may still have problems; see [Repo.Valid].
	People []*Person
	// Files are every file that was read, relative to Root.
	Files []string
	// Problems are every finding in every file, sorted.
	Problems Problems

	// fsys holds the files when they are not the work tree's (LoadFS).
	fsys fs.FS
}

// FS is the repository's files: the work tree at Root, or those LoadFS
// read.
func (r *Repo) FS() fs.FS {
	if r.fsys != nil {
		return r.fsys
	}
	return os.DirFS(r.Root)
}

// InMemory reports whether the files were read from an fs.FS (LoadFS), not
// from the work tree.
func (r *Repo) InMemory() bool { return r.fsys != nil }

// ReadFile reads another file of the repository as its skill files are
// read (see [ReadFile]), from where they were read.
func (r *Repo) ReadFile(rel string, max int, what string) ([]byte, *Problem, error) {
	return readFrom(r.Root, r.fsys, rel, sizeLimit{what: what, max: max})
}

// FindRoot walks up from dir to the nearest directory holding coach.toml or
// .git, as git finds its repository.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		for _, marker := range []string{ConfigFile, ".git"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d, nil
			}
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w: no %s or .git in %s or any parent directory; run `coach init` to make one", ErrNotRepo, ConfigFile, abs)
		}
	}
}

// Load reads and validates the repository at root: coach.toml, matrix.toml
// (or the built-in matrix) and every skills/*.toml. Problems in the files are
// collected in Repo.Problems, never returned as the error; the error is for
// failures to read.
func Load(root string) (*Repo, error) { return LoadSome(root, nil) }

// LoadSome is Load reading only the skill files of the people want
// accepts (nil: everyone's): Repo.Files still lists every file, Repo.People
// holds those read, and Repo.Problems covers only what was read, without
// the checks across people. It serves a command about one person, such as
// their history, in an organisation of thousands.
func LoadSome(root string, want func(id string) bool) (*Repo, error) {
	return load(root, nil, want)
}

// LoadFS is Load reading the files of fsys, such as a [MapFS] of what the
// git index holds, with the same limits and refusals; root is the
// repository's root directory, which Repo.Root names. fsys holds no
// symbolic links that could lead out of it.
func LoadFS(root string, fsys fs.FS) (*Repo, error) { return load(root, fsys, nil) }

// load is LoadSome reading from fsys, or from the work tree at root when
// fsys is nil.
func load(root string, fsys fs.FS, want func(id string) bool) (*Repo, error) {
	r, sources, matrixOK, err := loadSettings(root, fsys)
	if err != nil {
		return nil, err
	}
	files, stray, err := listSkillFiles(root, fsys)
	if err != nil {
		return nil, err
	}
	r.Problems = append(r.Problems, stray...)
	// Files are read in order, and decoded in parallel: decoding is most of
	// loading an organisation of thousands.
	type decoded struct {
		path     string
		src      []byte
		person   *Person
		problems Problems
	}
	var todo []*decoded
	for _, f := range files {
		if want != nil && !want(PersonID(f)) {
			r.Files = append(r.Files, f)
			continue
		}
		src, problem, err := readFrom(root, fsys, f, skillFileLimit)
		if err != nil {
			return nil, err
		}
		r.Files = append(r.Files, f)
		if problem != nil {
			r.Problems = append(r.Problems, *problem)
			continue
		}
		sources[f] = src
		todo = append(todo, &decoded{path: f, src: src})
	}
	inParallel(len(todo), func(i int) {
		d := todo[i]
		// Plain-text notes are refused here, in the working tree, and not by
		// DecodePerson: an old revision's plain note is history (see README
		// "Private notes"), not a reason to misread that revision.
		d.problems = privateProblems(d.path, PersonID(d.path), d.src, r.Config.Private.Recipients)
		if !matrixOK {
			// Without a matrix only the syntax and the keys can be checked.
			_, _, ps, _ := decodePersonFile(d.path, d.src, decodeStrict)
			d.problems = append(d.problems, ps...)
			return
		}
		p, ps := DecodePerson(d.path, d.src, r.Matrix)
		d.person, d.problems = p, append(d.problems, ps...)
	})
	for _, d := range todo {
		r.Problems = append(r.Problems, d.problems...)
		if d.person != nil {
			r.People = append(r.People, d.person)
		}
	}
	if want == nil {
		// A skill file that could not be decoded has no person, but is no
		// unknown id: who names it is told the file has errors.
		broken := map[string]string{}
		for _, f := range files {
			broken[PersonID(f)] = f
		}
		for _, p := range r.People {
			delete(broken, p.ID)
		}
		r.Problems = append(r.Problems, checkOrg(r.Config, r.Matrix, r.People, broken, func(p string) []byte { return sources[p] })...)
	}
	r.Problems.Sort()
	return r, nil
}

// LoadSettings reads the repository at root as [Load] does, but for the
// skill files: coach.toml, matrix.toml (or the built-in matrix) and the
// editor schema, for a command that reads the people from elsewhere (coach
// diff of two revisions). Its problems are those Load finds in these files;
// the one that depends on the people, a [[leader]] who also has a skill
// file, is found by reading the skill files named after leaders alone.
func LoadSettings(root string) (*Repo, error) {
	r, sources, matrixOK, err := loadSettings(root, nil)
	if err != nil {
		return nil, err
	}
	var leaders []*Person
	if matrixOK && len(r.Config.Leaders) > 0 {
		files, err := SkillFiles(root)
		if err != nil {
			return nil, err
		}
		for _, l := range r.Config.Leaders {
			f := SkillsDir + "/" + l.ID + ".toml" // the file whose PersonID is l.ID
			if _, read := sources[f]; read || !slices.Contains(files, f) {
				continue
			}
			src, problem, err := ReadSkillFile(root, f)
			if err != nil {
				return nil, err
			}
			if problem != nil {
				continue
			}
			sources[f] = src
			if p, _ := DecodePerson(f, src, r.Matrix); p != nil {
				leaders = append(leaders, p)
			}
		}
	}
	for _, p := range checkOrg(r.Config, r.Matrix, leaders, nil, func(p string) []byte { return sources[p] }) {
		if p.Path == ConfigFile {
			r.Problems = append(r.Problems, p)
		}
	}
	r.Problems.Sort()
	return r, nil
}

// loadSettings reads coach.toml, the matrix and the editor schema into a new
// Repo; sources are the files it read, by path, and matrixOK says whether
// the matrix could be read.
func loadSettings(root string, fsys fs.FS) (r *Repo, sources map[string][]byte, matrixOK bool, err error) {
	r = &Repo{Root: root, Config: DefaultConfig(), fsys: fsys}
	sources = map[string][]byte{}
	if src, ok, err := readOptional(r, ConfigFile, configLimit); err != nil {
		return nil, nil, false, err
	} else if ok && src != nil {
		sources[ConfigFile] = src
		var ps Problems
		r.Config, ps = DecodeConfig(ConfigFile, src)
		r.Files = append(r.Files, ConfigFile)
		r.Problems = append(r.Problems, ps...)
	}

	matrixOK = true
	if src, ok, err := readOptional(r, MatrixFile, matrixLimit); err != nil {
		return nil, nil, false, err
	} else if ok && src == nil {
		r.MatrixPath = MatrixFile // it could not be read: the problem says why
		matrixOK = false
	} else if ok {
		m, ps := DecodeMatrix(MatrixFile, src)
		r.Files = append(r.Files, MatrixFile)
		r.Problems = append(r.Problems, ps...)
		r.MatrixPath = MatrixFile
		r.Matrix = m
		matrixOK = m != nil
	} else {
		m, err := DefaultMatrix()
		if err != nil {
			return nil, nil, false, err
		}
		r.Matrix = m
	}

	// The editor schema is derived from the matrix: a stale one would mark
	// valid files wrong, or wrong ones valid.
	if src, ok, err := readOptional(r, SchemaFile, sizeLimit{"the editor schema", MaxMatrixSize, 0}); err != nil {
		return nil, nil, false, err
	} else if ok && src != nil {
		r.Files = append(r.Files, SchemaFile)
		// git on Windows (core.autocrlf) checks it out with CRLF and
		// commits it back with LF: the same file.
		if matrixOK && !bytes.Equal(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), Schema(r.Matrix)) {
			r.Problems = append(r.Problems, Problem{Path: SchemaFile, Severity: Error,
				Message: "the editor schema is stale: it does not match the matrix",
				Hint:    "run `coach schema --write` and commit it"})
		}
	}
	return r, sources, matrixOK, nil
}

// SkillFiles lists skills/*.toml under root, relative and sorted. A missing
// skills directory is an empty list. Symbolic links are listed: reading one
// ([ReadSkillFile]) follows it inside the repository, or says why not. A
// skills/ that is a symbolic link out of the repository is a
// *ProblemsError.
func SkillFiles(root string) ([]string, error) {
	files, _, err := listSkillFiles(root, nil)
	return files, err
}

// listSkillFiles is SkillFiles, with a problem for each file that looks
// meant to be a skill file but is not read as one: its name ends in .TOML,
// .Toml or another case of .toml.
func listSkillFiles(root string, fsys fs.FS) ([]string, Problems, error) {
	var (
		entries []fs.DirEntry
		err     error
	)
	if fsys != nil {
		entries, err = fs.ReadDir(fsys, SkillsDir)
	} else if p, lerr := LinkedOutside(root, SkillsDir); p != nil || lerr != nil {
		if p != nil {
			lerr = &ProblemsError{Problems: Problems{*p}}
		}
		return nil, nil, lerr
	} else {
		entries, err = os.ReadDir(filepath.Join(root, SkillsDir))
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s/: %w", SkillsDir, err)
	}
	var out []string
	var stray Problems
	for _, e := range entries {
		if !e.Type().IsRegular() && e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".toml"):
			out = append(out, path.Join(SkillsDir, name))
		case strings.HasSuffix(strings.ToLower(name), ".toml"):
			stem := name[:len(name)-len(".toml")]
			stray = append(stray, Problem{Path: path.Join(SkillsDir, name), Severity: Error,
				Message: "not read: a skill file's name ends in .toml, in lowercase",
				Hint:    fmt.Sprintf("rename it to %[2]s (git mv %[1]s %[2]s, or mv for a file not committed yet)", path.Join(SkillsDir, name), path.Join(SkillsDir, strings.ToLower(stem)+".toml"))})
		}
	}
	sort.Strings(out)
	return out, stray, nil
}

// ReadSkillFile reads the skill file rel (a slash path relative to root).
// A file coach will not read is a problem, not an error: a symbolic link
// that leads outside the repository or nowhere, something that is not a
// file, a file over the size limit (checked before reading it). The error
// is for a failure to read.
func ReadSkillFile(root, rel string) ([]byte, *Problem, error) {
	return readFile(root, rel, skillFileLimit)
}

// ReadFile reads another file of the repository the way [ReadSkillFile]
// does, with max its size limit and what the name of its kind in the
// problem ("an agenda").
func ReadFile(root, rel string, max int, what string) ([]byte, *Problem, error) {
	return readFile(root, rel, sizeLimit{what: what, max: max})
}

// LinkedOutside reports a problem when the directory dir (a slash path
// relative to root), or a directory on the way to it, is a symbolic link
// that resolves outside the repository at root: coach neither reads nor
// writes through it, as it reads no skill file that is such a link. A
// directory that does not exist yet leads nowhere, and is no problem.
func LinkedOutside(root, dir string) (*Problem, error) {
	if dir == "." || dir == "" {
		return nil, nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		full := filepath.Join(root, filepath.FromSlash(prefix))
		fi, err := os.Lstat(full)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		link, _ := os.Readlink(full)
		problem := &Problem{Path: prefix + "/", Severity: Error,
			Message: fmt.Sprintf("the directory is a symbolic link to %s, outside the repository, which coach does not read or write", link),
			Hint:    "replace the link with the directory itself"}
		target, err := filepath.EvalSymlinks(full)
		if err != nil {
			problem.Message = fmt.Sprintf("the directory is a symbolic link to %s, which does not exist", link)
			return problem, nil
		}
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, err
		}
		if !inside(realRoot, target) {
			return problem, nil
		}
	}
	return nil, nil
}

// inside reports whether path is dir or under it (both resolved).
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readFrom reads rel from fsys, or from the work tree at root when fsys is
// nil (readFile), with the same problems for a file that is not a regular
// one or is over its limit.
func readFrom(root string, fsys fs.FS, rel string, limit sizeLimit) ([]byte, *Problem, error) {
	if fsys == nil {
		return readFile(root, rel, limit)
	}
	fi, err := fs.Stat(fsys, rel)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", rel, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, &Problem{Path: rel, Severity: Error, Message: "not a regular file", Hint: "replace it with a file"}, nil
	}
	if p := SizeProblem(rel, fi.Size(), limit.max, limit.what); p != nil {
		return nil, p, nil
	}
	src, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", rel, err)
	}
	return src, nil, nil
}

func readFile(root, rel string, limit sizeLimit) ([]byte, *Problem, error) {
	if p, err := LinkedOutside(root, path.Dir(rel)); p != nil || err != nil {
		return nil, p, err
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	fi, err := os.Lstat(full)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", rel, err)
	}
	problem := func(msg, hint string) ([]byte, *Problem, error) {
		return nil, &Problem{Path: rel, Severity: Error, Message: msg, Hint: hint}, nil
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		link, _ := os.Readlink(full)
		target, err := filepath.EvalSymlinks(full)
		if err != nil {
			return problem(fmt.Sprintf("the file is a symbolic link to %s, which does not exist", link),
				"restore the file it leads to, or replace the link with the file")
		}
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, nil, err
		}
		if !inside(realRoot, target) {
			return problem(fmt.Sprintf("the file is a symbolic link to %s, outside the repository, which coach does not read", link),
				"replace the link with the file itself")
		}
		if fi, err = os.Stat(target); err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", rel, err)
		}
	}
	if !fi.Mode().IsRegular() {
		return problem("not a regular file", "replace it with a file")
	}
	if p := SizeProblem(rel, fi.Size(), limit.max, limit.what); p != nil {
		return nil, p, nil
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", rel, err)
	}
	defer f.Close()
	// The file may grow between the Stat and the read.
	src, err := io.ReadAll(io.LimitReader(f, int64(limit.max)+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", rel, err)
	}
	if p := SizeProblem(rel, int64(len(src)), limit.max, limit.what); p != nil {
		return nil, p, nil
	}
	return src, nil, nil
}

// readOptional reads a file that may be missing (ok is false). A file
// that cannot be read as it is (see readFile) is ok with a nil src, and
// its problem is added to r.
func readOptional(r *Repo, name string, limit sizeLimit) (src []byte, ok bool, err error) {
	src, problem, err := readFrom(r.Root, r.fsys, name, limit)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if problem != nil {
		r.Files = append(r.Files, name)
		r.Problems = append(r.Problems, *problem)
		return nil, true, nil
	}
	return src, true, nil
}

// Person returns the person with the given id, or an [*UnknownPersonError]
// naming the closest ids.
func (r *Repo) Person(id string) (*Person, error) {
	for _, p := range r.People {
		if p.ID == id {
			return p, nil
		}
	}
	if files, _, err := listSkillFiles(r.Root, r.fsys); err == nil {
		for _, f := range files {
			if PersonID(f) == id {
				// The file exists but could not be decoded: its problems say why.
				return nil, &ProblemsError{r.ProblemsIn(f)}
			}
		}
	}
	ids := make([]string, len(r.People))
	for i, p := range r.People {
		ids[i] = p.ID
	}
	return nil, &UnknownPersonError{ID: id, Closest: CloseIDs(id, ids, 3)}
}

// ProblemsIn returns the problems found in one file.
func (r *Repo) ProblemsIn(file string) Problems {
	var out Problems
	for _, p := range r.Problems {
		if p.Path == file {
			out = append(out, p)
		}
	}
	return out
}

// Valid reports whether generated output may be made for p: neither its
// file nor the matrix and settings it depends on have errors.
func (r *Repo) Valid(p *Person) error {
	var errs Problems
	for _, pr := range r.Problems {
		if pr.Severity == Error && (pr.Path == p.Path || pr.Path == r.MatrixPath || pr.Path == ConfigFile) {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		return &ProblemsError{errs}
	}
	return nil
}

// inParallel calls f(0) to f(n-1) on up to GOMAXPROCS goroutines.
func inParallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
}
