// Package gitobj reads a git repository's objects: it finds the repository
// as git does (a linked work tree, a submodule, alternates), reads packed
// objects straight from the mapped pack files, and everything else through
// go-git's storage, which is both its fallback and the twin its tests
// compare it with. What it cannot read it reports with the reason, never
// reads around.
package gitobj

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Where a repository keeps what, as git lays it out: a work tree's .git is
// a directory, or a file naming the git directory (a linked work tree, a
// submodule). A linked work tree's git directory holds its HEAD and reflog,
// and names in its commondir file the directory that holds the objects, the
// branches and the config. Objects may also live in the object directories
// that objects/info/alternates names (git clone --shared, --reference), and
// those may name more. Every object read goes through all of them, so a
// repository reads the same however it is laid out.

// ErrNotGit means the directory is not in a git repository.
var ErrNotGit = errors.New("not a git repository")

// ErrDamaged means an object of the repository cannot be read back: a pack
// file is corrupt or cut short.
var ErrDamaged = errors.New("damaged repository")

// ErrSHA256 means the repository names its objects with SHA-256
// (git init --object-format=sha256), which coach cannot read yet.
var ErrSHA256 = errors.New("sha256 repositories are not supported yet")

// location is where one repository keeps its files.
type location struct {
	workTree  string
	headDir   string // HEAD, the reflog of HEAD: the work tree's own git directory
	commonDir string // objects, refs, config, the cache
}

// findGit walks up from dir to the directory holding .git, as git does, and
// follows a .git file and a commondir file to the directories they name.
func findGit(dir string) (location, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return location{}, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		dotGit := filepath.Join(d, ".git")
		fi, err := os.Stat(dotGit)
		if err == nil {
			loc := location{workTree: d, headDir: dotGit}
			if !fi.IsDir() {
				if loc.headDir, err = readGitFile(dotGit); err != nil {
					return location{}, err
				}
			}
			loc.commonDir = loc.headDir
			if b, err := os.ReadFile(filepath.Join(loc.headDir, "commondir")); err == nil {
				common := strings.TrimSpace(string(b))
				if !filepath.IsAbs(common) {
					common = filepath.Join(loc.headDir, common)
				}
				loc.commonDir = filepath.Clean(common)
			}
			if fi, err := os.Stat(filepath.Join(loc.commonDir, "objects")); err != nil || !fi.IsDir() {
				return location{}, fmt.Errorf("%w: %s has no objects directory; `git fsck` says what is wrong", ErrDamaged, loc.commonDir)
			}
			return loc, nil
		}
		if filepath.Dir(d) == d {
			return location{}, fmt.Errorf("%w: %s is not inside one; history is read from the commits that changed skills/ (run git init and commit the skill files)", ErrNotGit, abs)
		}
	}
}

// WorkTree returns the root of the work tree of the git repository holding
// dir, read as git lays it out, whether or not coach can read its history.
func WorkTree(dir string) (string, error) {
	loc, err := findGit(dir)
	return loc.workTree, err
}

// readGitFile reads a .git file ("gitdir: PATH"), whose path is relative to
// the directory holding the file.
func readGitFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	p, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	p = strings.TrimSpace(p)
	if !ok || p == "" {
		return "", fmt.Errorf("%w: %s is neither a git directory nor a file saying \"gitdir: PATH\"", ErrDamaged, name)
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(name), p)
	}
	fi, err := os.Stat(p)
	if err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%w: %s names the git directory %s, which does not exist; `git worktree prune` or `git submodule update` mends it", ErrDamaged, name, p)
	}
	return filepath.Clean(p), nil
}

// objectDirs lists the repository's object directory, then every directory
// its alternates name, as git reads them: one path a line, relative paths
// from the object directory whose file names them, '#' starting a comment,
// at most five levels deep.
func objectDirs(objects string) ([]string, error) {
	dirs := []string{filepath.Clean(objects)}
	seen := map[string]bool{dirs[0]: true}
	var add func(dir string, depth int) error
	add = func(dir string, depth int) error {
		name := filepath.Join(dir, "info", "alternates")
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
		}
		defer f.Close()
		if depth > 5 {
			return fmt.Errorf("%w: %s: alternates nested more than five deep; git ignores the rest too", ErrDamaged, name)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			if line[0] == '"' {
				if line, err = strconv.Unquote(line); err != nil {
					return fmt.Errorf("%w: %s: cannot read the quoted path %s", ErrDamaged, name, sc.Text())
				}
			}
			p := line
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			p = filepath.Clean(p)
			if seen[p] {
				continue
			}
			seen[p] = true
			if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
				return fmt.Errorf("%w: %s names the object directory %s, which does not exist; restore it, or copy its objects in with `git repack -a -d` before it goes and remove the line", ErrDamaged, name, p)
			}
			if filepath.Base(p) != "objects" {
				return fmt.Errorf("%w: %s names the object directory %s; coach reads alternates only from a directory named objects", ErrDamaged, name, p)
			}
			dirs = append(dirs, p)
			if err := add(p, depth+1); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%w: read %s: %w", ErrDamaged, name, err)
		}
		return nil
	}
	if err := add(dirs[0], 1); err != nil {
		return nil, err
	}
	return dirs, nil
}

// objectCache bounds go-git's cache of decoded objects per open storage
// (one for the first pass, one per worker). The walk reads packed objects
// itself, so it serves loose objects, large ones, and the commands that read
// one revision.
const objectCache = 8 * cache.MiByte

// Repo is one repository opened for reading: where it keeps what, and its
// packs, mapped when the first object is read.
type Repo struct {
	WorkTree string
	HeadDir  string // the work tree's own git directory: HEAD and its reflog
	GitDir   string // the common git directory: objects, refs, config
	// Promisor is the remote a partial clone fetches from; "" in a complete
	// clone.
	Promisor string
	// Shallow are the commits of a shallow clone whose parents are not
	// fetched.
	Shallow map[plumbing.Hash]bool

	objectDirs []string // the object directory, then its alternates
	packs      *packSet // read directly; see pack.go
}

// Open opens the git repository holding dir, and go-git's repository over
// its storage. It refuses what coach cannot read (SHA-256, unknown
// extensions) with the reason.
func Open(dir string) (*Repo, *git.Repository, error) {
	loc, err := findGit(dir)
	if err != nil {
		return nil, nil, err
	}
	r := &Repo{WorkTree: loc.workTree, HeadDir: loc.headDir, GitDir: loc.commonDir}
	if r.objectDirs, err = objectDirs(filepath.Join(r.GitDir, "objects")); err != nil {
		return nil, nil, err
	}
	r.packs = &packSet{dirs: r.objectDirs}
	st := r.storage()
	cfg, err := st.Storage.Config()
	if err != nil {
		return nil, nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, filepath.Join(r.GitDir, "config"), err)
	}
	if cfg.Raw.Section("extensions").Option("objectformat") == "sha256" {
		return nil, nil, withHint(fmt.Errorf("%w: %s names its objects with SHA-256", ErrSHA256, r.WorkTree),
			"coach reads history from SHA-1 repositories (git's default) only; check, plan and agenda work without it")
	}
	r.Promisor = cfg.Raw.Section("extensions").Option("partialclone")
	for _, rm := range cfg.Raw.Section("remote").Subsections {
		if rm.Option("promisor") == "true" && r.Promisor == "" {
			r.Promisor = rm.Name
		}
	}
	repo, err := r.openStorage(st)
	if err != nil {
		return nil, nil, err
	}
	shallow, err := st.Shallow()
	if err != nil {
		return nil, nil, fmt.Errorf("%w: read %s: %w", ErrDamaged, filepath.Join(r.GitDir, "shallow"), err)
	}
	r.Shallow = map[plumbing.Hash]bool{}
	for _, h := range shallow {
		r.Shallow[h] = true
	}
	return r, repo, nil
}

// Git opens go-git's repository again, for a worker of its own: go-git's
// storage is not safe for concurrent reads.
func (r *Repo) Git() (*git.Repository, error) { return r.openStorage(r.storage()) }

// Store reads objects from the packs directly and from s, go-git's storage
// of this repository, for the rest.
func (r *Repo) Store(s storer.EncodedObjectStorer) *Store { return newObjectStore(s, r.packs) }

// Close unmaps the packs. Nothing may be read after it.
func (r *Repo) Close() { r.packs.close() }

// PackReads is how many objects the stores of this repository have read
// from the packs so far: tests compare the packs with go-git, and check
// that the packs were read at all.
func (r *Repo) PackReads() int64 { return r.packs.reads.Load() }

// GrowBlobs raises the cache of resolved blobs that the stores of this
// repository share to hold about two versions of each of files files.
func (r *Repo) GrowBlobs(files int) { r.packs.growBlobs(files) }

func (r *Repo) openStorage(st *storage) (*git.Repository, error) {
	repo, err := git.Open(st, nil)
	if errors.Is(err, git.ErrUnknownExtension) || errors.Is(err, git.ErrUnsupportedRepositoryFormatVersion) ||
		errors.Is(err, git.ErrUnsupportedExtensionRepositoryFormatVersion) {
		return nil, withHint(fmt.Errorf("%w: %s: %w", ErrUnsupported, r.GitDir, err),
			"coach reads git with go-git, which cannot read this repository; check, plan and agenda work without its history")
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", r.GitDir, err)
	}
	return repo, nil
}

// storage is the repository's storage: it keeps its pack files open across
// reads (go-git otherwise reopens the pack for every object) with a bounded
// object cache, and reads the alternates' objects when its own have none.
func (r *Repo) storage() *storage {
	newStorage := func(fs billy.Filesystem) *filesystem.Storage {
		return filesystem.NewStorageWithOptions(fs, cache.NewObjectLRU(objectCache), filesystem.Options{KeepDescriptors: true})
	}
	var fs billy.Filesystem = osfs.New(r.GitDir)
	if r.HeadDir != r.GitDir {
		fs = dotgit.NewRepositoryFilesystem(osfs.New(r.HeadDir), fs)
	}
	st := &storage{Storage: newStorage(fs), packs: r.packs}
	for _, d := range r.objectDirs[1:] {
		st.alternates = append(st.alternates, newStorage(osfs.New(filepath.Dir(d))))
	}
	return st
}

// WithPrefix lists the objects whose hash starts with prefix (two hex
// digits or more, lower case), packed or loose, in the repository and its
// alternates, each once.
func (r *Repo) WithPrefix(prefix string) ([]plumbing.Hash, error) {
	seen := map[plumbing.Hash]bool{}
	var found []plumbing.Hash
	add := func(h plumbing.Hash) {
		if !seen[h] && strings.HasPrefix(h.String(), prefix) {
			seen[h] = true
			found = append(found, h)
		}
	}
	packs, err := r.packs.get()
	if err != nil {
		return nil, err
	}
	first, err := hex.DecodeString(prefix[:2])
	if err != nil {
		return nil, err
	}
	for _, p := range packs {
		lo, hi := p.idx.span(first[0])
		for i := lo; i < hi; i++ {
			add(p.idx.hash(i))
		}
	}
	for _, dir := range r.objectDirs {
		names, _ := os.ReadDir(filepath.Join(dir, prefix[:2]))
		for _, n := range names {
			if s := prefix[:2] + n.Name(); len(s) == 40 && IsHex(s) {
				add(plumbing.NewHash(s))
			}
		}
	}
	return found, nil
}

// IsHex reports whether s is made of hexadecimal digits only, as an object
// name is.
func IsHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}

// ErrUnsupported means the repository uses a git feature that coach cannot
// read.
var ErrUnsupported = errors.New("the repository uses a git feature coach cannot read")

// storage is go-git's storage of one repository, reading objects from its
// alternates too (go-git's own alternates support resolves paths inside the
// git directory only), and reporting a damaged pack index by name.
type storage struct {
	*filesystem.Storage
	alternates []*filesystem.Storage
	packs      *packSet
}

// EncodedObject returns object h from the repository or its alternates.
func (s *storage) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	if _, err := s.packs.get(); err != nil {
		return nil, err
	}
	obj, err := s.Storage.EncodedObject(t, h)
	for _, alt := range s.alternates {
		if !errors.Is(err, plumbing.ErrObjectNotFound) {
			break
		}
		obj, err = alt.EncodedObject(t, h)
	}
	if err != nil && !errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: read object %s: %w", ErrDamaged, h, err)
	}
	return obj, err
}

// Config is the repository's config, without the extensions that change
// nothing coach reads, which go-git would refuse: partialClone (older git
// writes it; missing objects are reported as such), preciousObjects (it
// forbids deleting objects) and worktreeConfig (a work tree's own config
// file, for settings coach does not use).
func (s *storage) Config() (*config.Config, error) {
	cfg, err := s.Storage.Config()
	if err != nil || !cfg.Raw.HasSection("extensions") {
		return cfg, err
	}
	ext := cfg.Raw.Section("extensions")
	for _, name := range []string{"partialclone", "preciousobjects", "worktreeconfig"} {
		ext.RemoveOption(name)
	}
	return cfg, nil
}

// HasEncodedObject reports whether the repository or its alternates hold h.
func (s *storage) HasEncodedObject(h plumbing.Hash) error {
	err := s.Storage.HasEncodedObject(h)
	for _, alt := range s.alternates {
		if !errors.Is(err, plumbing.ErrObjectNotFound) {
			break
		}
		err = alt.HasEncodedObject(h)
	}
	return err
}

// EncodedObjectSize returns the size of object h, read from its header.
func (s *storage) EncodedObjectSize(h plumbing.Hash) (int64, error) {
	size, err := s.Storage.EncodedObjectSize(h)
	for _, alt := range s.alternates {
		if !errors.Is(err, plumbing.ErrObjectNotFound) {
			break
		}
		size, err = alt.EncodedObjectSize(h)
	}
	if err != nil && !errors.Is(err, plumbing.ErrObjectNotFound) {
		return 0, fmt.Errorf("%w: read object %s: %w", ErrDamaged, h, err)
	}
	return size, err
}

// ObjectError is an object the history needs that cannot be read: not
// fetched into a partial clone, missing, or damaged.
type ObjectError struct {
	// What names the object for the user: "skills/alice.toml", "the tree of
	// commit 62874f8".
	What string
	Hash plumbing.Hash
	// Remote is the remote a partial clone fetches missing objects from on
	// demand; "" in a complete clone.
	Remote string
	Err    error
}

func (e *ObjectError) Error() string {
	if errors.Is(e.Err, plumbing.ErrObjectNotFound) {
		if e.Remote != "" {
			return fmt.Sprintf("%s (object %s) is not in this partial clone", e.What, e.Hash)
		}
		return fmt.Sprintf("%s (object %s) is missing from the repository", e.What, e.Hash)
	}
	return fmt.Sprintf("read %s (object %s): %v", e.What, e.Hash, e.Err)
}

// Unwrap makes an ObjectError an ErrDamaged, and the error underneath.
func (e *ObjectError) Unwrap() []error { return []error{ErrDamaged, e.Err} }

// Hint says how to get the object back.
func (e *ObjectError) Hint() string {
	if e.Remote != "" && errors.Is(e.Err, plumbing.ErrObjectNotFound) {
		return fmt.Sprintf("coach reads only the objects a partial clone has fetched; fetch them all with `git config --unset remote.%[1]s.partialclonefilter && git fetch --refetch %[1]s` (git 2.36 or later), then run coach again", e.Remote)
	}
	return "`git fsck` says what is damaged; `git fetch` restores what the remote has, and a fresh clone replaces the rest"
}

// NewObjectError wraps a failure to read object h, unless it says what is
// damaged already.
// remote is the promisor remote of a partial clone, "" otherwise.
func NewObjectError(what string, h plumbing.Hash, err error, remote string) error {
	var oe *ObjectError
	if errors.As(err, &oe) || errors.Is(err, ErrDamaged) {
		return err
	}
	return &ObjectError{What: what, Hash: h, Err: err, Remote: remote}
}

// hinted is an error with the hint that mends it.
type hinted struct {
	err  error
	hint string
}

func (e *hinted) Error() string { return e.err.Error() }
func (e *hinted) Unwrap() error { return e.err }

// Hint says how to mend what the error reports.
func (e *hinted) Hint() string { return e.hint }

func withHint(err error, hint string) error { return &hinted{err, hint} }
