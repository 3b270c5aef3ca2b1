; Inno Setup script for MNHSC Desktop (Inno Setup 6).
;
; Build (on Windows, after scripts\build_frozen.py has made build\frozen\dist\mnhsc-desktop):
;   iscc /DAppVersion=0.1.0 installer\windows\mnhsc-desktop.iss
; Signing: define SignTool in Inno Setup (Tools > Configure Sign Tools, or iscc /S...) and build
; with /DSign, for example:
;   iscc "/Smnhscsign=signtool sign /fd SHA256 /tr http://timestamp.example /td SHA256 $f" /DSign ...
;
; Silent install for deployment (per machine, the default; needs admin rights to install only):
;   mnhsc-desktop-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="C:\Temp\mnhsc-install.log"
; Per user, without admin rights:
;   mnhsc-desktop-setup.exe /CURRENTUSER /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Uninstall silently (user data is kept, and so is the machine config file):
;   "C:\Program Files\MNHSC Desktop\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (it comes from mnhsc_desktop/__init__.py)
#endif
#define AppName "MNHSC Desktop"
#define AppExe "mnhsc-desktop.exe"
#define BuildDir "..\..\build\frozen\dist\mnhsc-desktop"

[Setup]
; The AppId identifies the app across upgrades: never change it.
AppId={{6D1E6F3A-2B1C-4C8E-9E43-3F5A7B9C0D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MNHSC Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine by default; /CURRENTUSER (or the dialog) installs for one user without admin rights.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=mnhsc-desktop-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrades close the running app first rather than asking for a restart.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=mnhscsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the bundled runtime whole: a library or module that the new version no
; longer ships must not stay behind to be loaded by mistake. Only the program's own folder;
; user data is elsewhere (%APPDATA%) and the machine config is under ProgramData.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The machine-wide settings IT controls: installed once as an example, never overwritten by an
; upgrade (IT may have edited it) and never removed by an uninstall.
Source: "config.example.ini"; DestDir: "{commonappdata}\{#AppName}"; DestName: "config.ini"; Flags: onlyifdoesntexist uninsneveruninstall; Check: IsAdminInstallMode

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Calendar, QI ladder and culture library, offline"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Open {#AppName} now"; Flags: nowait postinstall skipifsilent

; User data lives in each user's own folder (%APPDATA%\MNHSC Desktop) and is never touched by an
; uninstall: there is deliberately no section that deletes files at uninstall.
