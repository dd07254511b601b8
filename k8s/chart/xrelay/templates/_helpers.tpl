{{/* Names and labels shared by every object. */}}
{{- define "xrelay.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "xrelay.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "xrelay.selectorLabels" -}}
app.kubernetes.io/name: {{ include "xrelay.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "xrelay.labels" -}}
{{ include "xrelay.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "xrelay.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "xrelay.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* True (non-empty) when the config asks for Kubernetes Lease ownership of routes. */}}
{{- define "xrelay.leaseOwnership" -}}
{{- $store := .Values.config.store | default dict -}}
{{- $ownership := $store.ownership | default dict -}}
{{- if eq ($ownership.kind | default "") "kubernetes-lease" -}}true{{- end -}}
{{- end -}}

{{- define "xrelay.validate" -}}
{{- if not (has .Values.workload (list "Deployment" "StatefulSet")) -}}
{{- fail (printf "workload: %q is neither Deployment nor StatefulSet" .Values.workload) -}}
{{- end -}}
{{- $store := .Values.config.store | default dict -}}
{{- if and (eq ($store.kind | default "sqlite") "sqlite") (gt (int .Values.replicaCount) 1) -}}
{{- fail "config.store.kind sqlite allows one instance: set replicaCount to 1 or use postgres" -}}
{{- end -}}
{{- if and (eq ($store.kind | default "sqlite") "sqlite") (eq .Values.workload "Deployment") -}}
{{- fail "config.store.kind sqlite needs workload: StatefulSet (a volume for the database)" -}}
{{- end -}}
{{- end -}}

{{/* The pod template of the Deployment and of the StatefulSet. */}}
{{- define "xrelay.podTemplate" -}}
metadata:
  labels:
    {{- include "xrelay.selectorLabels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "xrelay.serviceAccountName" . }}
  automountServiceAccountToken: {{ include "xrelay.leaseOwnership" . | eq "true" }}
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
  containers:
    - name: relayer
      image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      args: ["run", "--config", "/etc/xrelay/config/relayer.yaml"]
      env:
        - name: RELAYER_DATA_DIR
          value: /data
        - name: RELAYER_HTTP_HOST
          value: 0.0.0.0
        - name: RELAYER_HTTP_PORT
          value: {{ .Values.service.port | quote }}
        - name: JAVA_TOOL_OPTIONS
          value: {{ .Values.javaOptions | quote }}
        {{- range .Values.secrets.env }}
        - name: {{ .name }}
          valueFrom:
            secretKeyRef:
              name: {{ .secretName }}
              key: {{ .key }}
        {{- end }}
        {{- with .Values.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - name: http
          containerPort: {{ .Values.service.port }}
          protocol: TCP
      startupProbe:
        {{- toYaml .Values.startupProbe | nindent 8 }}
      livenessProbe:
        {{- toYaml .Values.livenessProbe | nindent 8 }}
      readinessProbe:
        {{- toYaml .Values.readinessProbe | nindent 8 }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: config
          mountPath: /etc/xrelay/config
          readOnly: true
        - name: tmp
          mountPath: /tmp
        - name: data
          mountPath: /data
        {{- if .Values.secrets.files }}
        - name: secrets
          mountPath: /etc/xrelay/secrets
          readOnly: true
        {{- end }}
  volumes:
    - name: config
      configMap:
        name: {{ include "xrelay.fullname" . }}
    - name: tmp
      emptyDir:
        sizeLimit: {{ .Values.tmpSizeLimit }}
    {{- if eq .Values.workload "Deployment" }}
    - name: data
      emptyDir:
        sizeLimit: {{ .Values.dataSizeLimit }}
    {{- end }}
    {{- if .Values.secrets.files }}
    - name: secrets
      projected:
        defaultMode: 288 # 0440 in octal: owner and the pod's group (fsGroup) read
        sources:
          {{- range .Values.secrets.files }}
          - secret:
              name: {{ .secretName }}
              items:
                - key: {{ .key }}
                  path: {{ .path }}
          {{- end }}
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
{{- end -}}
