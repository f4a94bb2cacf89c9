{{/*
Chart name, truncated to the 63 characters a DNS label allows.
*/}}
{{- define "edgecoord.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources: release name, plus the chart name unless the release name
already contains it.
*/}}
{{- define "edgecoord.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "edgecoord.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "edgecoord.labels" -}}
helm.sh/chart: {{ include "edgecoord.chart" . }}
{{ include "edgecoord.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the coordinator's pod; never change them on upgrade.
*/}}
{{- define "edgecoord.selectorLabels" -}}
app.kubernetes.io/name: {{ include "edgecoord.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The data dir inside the pod: with the Docker socket it must be the node's path, since the node's
engine resolves the bind-mount sources of task containers.
*/}}
{{- define "edgecoord.dataDir" -}}
{{- if .Values.docker.socket.enabled }}
{{- .Values.docker.dataHostPath | trimSuffix "/" }}
{{- else }}
{{- .Values.dataDir | trimSuffix "/" }}
{{- end }}
{{- end }}

{{/*
Value of the edgecoord.instance label on this coordinator's containers.
*/}}
{{- define "edgecoord.instanceId" -}}
{{- .Values.config.execution.docker.instanceId | default (include "edgecoord.fullname" .) }}
{{- end }}

{{/*
The image reference.
*/}}
{{- define "edgecoord.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Checks of values that the schema cannot express.
*/}}
{{- define "edgecoord.validate" -}}
{{- if and .Values.docker.socket.enabled (kindIs "invalid" .Values.docker.socket.gid) }}
{{- fail "docker.socket.gid is required with docker.socket.enabled: the group id owning the Docker socket on the node (stat -c %g /var/run/docker.sock)" }}
{{- end }}
{{- range .Values.extraEnv }}
{{- if and (has .name (list "EDGECOORD_ADMIN_KEY" "EDGECOORD_SECRET_KEY")) (hasKey . "value") }}
{{- fail (printf "extraEnv may not give %s as a value: keys are never inlined in values; name an existing Secret in security.adminKey.existingSecret or security.secretKey.existingSecret" .name) }}
{{- end }}
{{- end }}
{{- if .Values.postgresql.enabled }}
{{- if not .Values.postgresql.url }}
{{- fail "postgresql.url is required with postgresql.enabled (jdbc:postgresql://host:5432/db)" }}
{{- end }}
{{- if not .Values.postgresql.existingSecret }}
{{- fail "postgresql.existingSecret is required with postgresql.enabled: the name of an existing Secret holding the password" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The pod template, shared by the StatefulSet (H2) and the Deployment (PostgreSQL).
*/}}
{{- define "edgecoord.podTemplate" -}}
{{- $dataDir := include "edgecoord.dataDir" . -}}
metadata:
  labels:
    {{- include "edgecoord.labels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  automountServiceAccountToken: false
  enableServiceLinks: false
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- $podSecurityContext := deepCopy .Values.podSecurityContext }}
  {{- if .Values.docker.socket.enabled }}
  {{- /* The non-root coordinator opens the node's Docker socket through the socket's group. */}}
  {{- $groups := append ($podSecurityContext.supplementalGroups | default list) (.Values.docker.socket.gid | int64) }}
  {{- $_ := set $podSecurityContext "supplementalGroups" $groups }}
  {{- end }}
  securityContext:
    {{- toYaml $podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
  containers:
    - name: edgecoord
      image: {{ include "edgecoord.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "edgecoord.fullname" . }}
      {{- $adminKey := .Values.security.adminKey }}
      {{- $secretKey := .Values.security.secretKey }}
      {{- if or .Values.postgresql.enabled $adminKey.existingSecret $secretKey.existingSecret .Values.extraEnv }}
      env:
        {{- with $adminKey.existingSecret }}
        - name: EDGECOORD_ADMIN_KEY
          valueFrom:
            secretKeyRef:
              name: {{ . | quote }}
              key: {{ $adminKey.key | quote }}
        {{- end }}
        {{- with $secretKey.existingSecret }}
        - name: EDGECOORD_SECRET_KEY
          valueFrom:
            secretKeyRef:
              name: {{ . | quote }}
              key: {{ $secretKey.key | quote }}
        {{- end }}
        {{- if .Values.postgresql.enabled }}
        - name: EDGECOORD_DATABASE_PASSWORD
          valueFrom:
            secretKeyRef:
              name: {{ .Values.postgresql.existingSecret | quote }}
              key: {{ .Values.postgresql.existingSecretPasswordKey | quote }}
        {{- end }}
        {{- with .Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- end }}
      startupProbe:
        httpGet:
          path: /actuator/health/liveness
          port: http
        periodSeconds: {{ .Values.probes.startup.periodSeconds }}
        failureThreshold: {{ .Values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: http
        periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: http
        periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if .Values.docker.socket.enabled }}
        - name: docker-socket
          mountPath: /var/run/docker.sock
        - name: host-data
          mountPath: {{ $dataDir }}
        {{- if not .Values.postgresql.enabled }}
        - name: data
          mountPath: {{ printf "%s/db" $dataDir }}
          subPath: db
        {{- end }}
        - name: data
          mountPath: {{ printf "%s/artifacts" $dataDir }}
          subPath: artifacts
        {{- else }}
        - name: data
          mountPath: {{ $dataDir }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ .Values.tmpSizeLimit }}
    {{- if .Values.docker.socket.enabled }}
    - name: docker-socket
      hostPath:
        path: {{ .Values.docker.socket.hostPath }}
        type: Socket
    - name: host-data
      hostPath:
        path: {{ $dataDir }}
        type: Directory
    {{- end }}
    {{- if not .Values.persistence.enabled }}
    - name: data
      emptyDir: {}
    {{- else if .Values.postgresql.enabled }}
    - name: data
      persistentVolumeClaim:
        claimName: {{ printf "%s-data" (include "edgecoord.fullname" .) }}
    {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/*
The claim's spec, for the volumeClaimTemplate and the Deployment's own claim alike.
*/}}
{{- define "edgecoord.claimSpec" -}}
accessModes:
  {{- toYaml .Values.persistence.accessModes | nindent 2 }}
{{- with .Values.persistence.storageClass }}
storageClassName: {{ . | quote }}
{{- end }}
resources:
  requests:
    storage: {{ .Values.persistence.size }}
{{- end }}
