# Debian packages ClinicDesk needs to build and test; sourced by scripts/test and scripts/bench.
CLINICDESK_PACKAGES=(pkg-config libsqlite3-dev libncursesw5-dev libargon2-dev tmux postgresql)

# Installs whichever of CLINICDESK_PACKAGES are missing (needs root), or explains how.
ensure_system_packages() {
    local missing=()
    for package in "${CLINICDESK_PACKAGES[@]}"; do
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
