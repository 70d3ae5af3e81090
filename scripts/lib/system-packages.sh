# Debian packages ClinicDesk needs; sourced by scripts/demo, scripts/test and scripts/bench.
# Building needs the libraries; the tests also drive tmux, start PostgreSQL, and lock a
# database with the sqlite3 shell (to show the board waiting it out).
CLINICDESK_BUILD_PACKAGES=(pkg-config libsqlite3-dev libncursesw5-dev libargon2-dev)
CLINICDESK_PACKAGES=("${CLINICDESK_BUILD_PACKAGES[@]}" tmux postgresql sqlite3)

# Installs whichever of the named packages (default: CLINICDESK_PACKAGES) are missing
# (needs root), or explains how.
ensure_system_packages() {
    local wanted=("$@")
    [ ${#wanted[@]} -eq 0 ] && wanted=("${CLINICDESK_PACKAGES[@]}")
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "== installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them with: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}
