// Command release builds coach's release for people without Go: a binary
// for linux, macOS and windows on amd64 and arm64, each in an archive with
// the README (tar.gz, or zip for windows), SHA256SUMS over the archives, and
// a CycloneDX SBOM of the module. The archives' names carry no version
// (coach_linux_amd64.tar.gz), so that the latest release has the same
// download path as a pinned one; their bytes depend only on the commit.
//
//	go run ./scripts/release v0.5.0    # at the tag v0.5.0, into dist/
//	go run ./scripts/release --check   # what CI runs: see below
//
// --check type-checks every package for every target (go vet, no code
// generated: a whole cross build of six targets takes minutes on two
// cores), then builds, packs, sums and checks this machine's target and
// writes the SBOM, in a temporary directory it removes.
//
// The version is what go build stamps from the tag at HEAD: release
// refuses to write a release whose binaries would say anything else.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms a release serves.
var targets = []struct{ os, arch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// sbomTool writes the SBOM; pinned, as every tool CI runs.
const sbomTool = "github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0"

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return errors.New("usage: go run ./scripts/release VERSION | --check")
	}
	check := args[0] == "--check"
	version := args[0]
	out := "dist"
	if check {
		version = ""
		tmp, err := os.MkdirTemp("", "coach-release-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = tmp
	} else if !strings.HasPrefix(version, "v") {
		return fmt.Errorf("%q is not a version like v0.5.0", version)
	} else if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists: remove it first", out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	mtime, err := commitTime()
	if err != nil {
		return err
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	build, err := os.MkdirTemp("", "coach-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(build)

	sums := map[string]string{}
	for _, t := range targets {
		host := t.os == runtime.GOOS && t.arch == runtime.GOARCH
		if check && !host {
			cmd := exec.Command("go", "vet", "./...")
			cmd.Env = append(os.Environ(), "GOOS="+t.os, "GOARCH="+t.arch, "CGO_ENABLED=0")
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("go vet for %s/%s: %w", t.os, t.arch, err)
			}
			fmt.Printf("%s/%s: type-checks\n", t.os, t.arch)
			continue
		}
		exe := "coach"
		if t.os == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(build, t.os+"_"+t.arch, exe)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/coach")
		cmd.Env = append(os.Environ(), "GOOS="+t.os, "GOARCH="+t.arch, "CGO_ENABLED=0")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("build %s/%s: %w", t.os, t.arch, err)
		}
		if host {
			if err := checkVersion(bin, version); err != nil {
				return err
			}
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		name, archive, err := pack(t.os, t.arch, exe, data, readme, mtime)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), archive, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(archive)
		sums[name] = hex.EncodeToString(sum[:])
		fmt.Printf("%s  %d bytes\n", name, len(archive))
	}
	if err := writeSums(filepath.Join(out, "SHA256SUMS"), sums); err != nil {
		return err
	}
	want := len(targets)
	if check {
		want = 1
	}
	if err := verifySums(out, want); err != nil {
		return err
	}
	sbom := filepath.Join(out, "coach.cdx.json")
	cmd := exec.Command("go", "run", sbomTool, "mod", "-json", "-licenses=false", "-output", sbom, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("write the SBOM: %w", err)
	}
	if fi, err := os.Stat(sbom); err != nil || fi.Size() == 0 {
		return fmt.Errorf("the SBOM %s is missing or empty", sbom)
	}
	if check {
		fmt.Printf("release check: %d targets type-check; %s/%s builds, packs and sums; the SBOM is written\n", len(targets), runtime.GOOS, runtime.GOARCH)
		return nil
	}
	fmt.Printf("release %s written to %s\n", version, out)
	return nil
}

// commitTime is HEAD's commit time, the time of every file in an archive,
// so that the same commit makes the same bytes.
func commitTime() (time.Time, error) {
	out, err := exec.Command("git", "log", "-1", "--format=%ct").Output()
	if err != nil {
		return time.Time{}, fmt.Errorf("read HEAD's commit time: %w", err)
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(sec, 0).UTC(), nil
}

// checkVersion runs the binary built for this machine: a release says its
// version, a check at least runs.
func checkVersion(bin, version string) error {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return fmt.Errorf("%s --version: %w", bin, err)
	}
	if version != "" && !strings.Contains(string(out), " "+version) {
		return fmt.Errorf("the binary says %q, not %s: build at the tag %s, with no local changes", strings.TrimSpace(string(out)), version, version)
	}
	return nil
}

// pack archives one binary with the README: tar.gz, or zip for windows.
func pack(goos, arch, exe string, bin, readme []byte, mtime time.Time) (string, []byte, error) {
	base := "coach_" + goos + "_" + arch
	files := []struct {
		name string
		mode int64
		data []byte
	}{{exe, 0o755, bin}, {"README.md", 0o644, readme}}
	var buf bytes.Buffer
	if goos == "windows" {
		zw := zip.NewWriter(&buf)
		for _, f := range files {
			h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime}
			h.SetMode(os.FileMode(f.mode))
			w, err := zw.CreateHeader(h)
			if err != nil {
				return "", nil, err
			}
			if _, err := w.Write(f.data); err != nil {
				return "", nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return "", nil, err
		}
		return base + ".zip", buf.Bytes(), nil
	}
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return "", nil, err
	}
	gz.ModTime = mtime
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: mtime, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return "", nil, err
		}
		if _, err := tw.Write(f.data); err != nil {
			return "", nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return "", nil, err
	}
	if err := gz.Close(); err != nil {
		return "", nil, err
	}
	return base + ".tar.gz", buf.Bytes(), nil
}

// writeSums writes SHA256SUMS as sha256sum writes it, sorted by name.
func writeSums(path string, sums map[string]string) error {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", sums[n], n)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// verifySums reads every archive back against SHA256SUMS, as the coaching
// repository's workflow does before it installs one.
func verifySums(dir string, want int) error {
	data, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != want {
		return fmt.Errorf("SHA256SUMS has %d lines, want %d", len(lines), want)
	}
	for _, l := range lines {
		sum, name, ok := strings.Cut(l, "  ")
		if !ok {
			return fmt.Errorf("SHA256SUMS: %q is not a checksum line", l)
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		if hex.EncodeToString(h.Sum(nil)) != sum {
			return fmt.Errorf("%s does not match SHA256SUMS", name)
		}
	}
	return nil
}
