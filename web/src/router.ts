import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { hasRole, isApplicant, isManager, isStaff, loadMe, redirectToSignIn, session, signIn, takeAfterSignIn } from './auth/session'

/**
 * Client-side routes. The backend forwards each top-level prefix (/portal, /workbench, /dashboard, /track, /ratings, /signin, /verify)
 * to index.html, so a reload or a shared link lands here.
 */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/signin', name: 'signin', component: () => import('./views/SignInView.vue') },
    { path: '/track', name: 'track', component: () => import('./views/TrackView.vue') },
    { path: '/ratings', name: 'ratings', component: () => import('./views/RatingsView.vue') },
    { path: '/portal', name: 'catalogue', component: () => import('./views/portal/CatalogueView.vue') },
    { path: '/portal/services/:code', name: 'service', component: () => import('./views/portal/ServiceView.vue') },
    {
      path: '/portal/services/:code/apply',
      name: 'apply',
      component: () => import('./views/portal/ApplyView.vue'),
      meta: { need: 'applicant' },
    },
    {
      path: '/portal/applications',
      name: 'mine',
      component: () => import('./views/portal/MyApplicationsView.vue'),
      meta: { need: 'applicant' },
    },
    {
      path: '/portal/applications/:no',
      name: 'application',
      component: () => import('./views/portal/ApplicationView.vue'),
      meta: { need: 'applicant' },
    },
    { path: '/workbench', name: 'queue', component: () => import('./views/workbench/QueueView.vue'), meta: { need: 'staff' } },
    {
      path: '/workbench/counter/:code',
      name: 'counter',
      component: () => import('./views/workbench/CounterView.vue'),
      meta: { need: 'staff' },
    },
    {
      path: '/workbench/cases/:no',
      name: 'case',
      component: () => import('./views/workbench/CaseView.vue'),
      meta: { need: 'staff' },
    },
    {
      path: '/workbench/tasks/:id',
      name: 'task',
      component: () => import('./views/workbench/TaskView.vue'),
      meta: { need: 'staff' },
    },
    {
      path: '/dashboard',
      name: 'dashboard',
      component: () => import('./views/dashboard/DashboardView.vue'),
      meta: { need: 'management' },
    },
    {
      path: '/dashboard/annual',
      name: 'annual',
      component: () => import('./views/dashboard/AnnualView.vue'),
      meta: { need: 'reports' },
    },
    {
      path: '/counter-device',
      name: 'counterDevice',
      component: () => import('./views/CounterDeviceView.vue'),
      meta: { kiosk: true },
    },
    {
      path: '/portal/appointments',
      name: 'appointments',
      component: () => import('./views/portal/AppointmentsView.vue'),
      meta: { need: 'applicant' },
    },
    {
      path: '/workbench/hall',
      name: 'hallDesk',
      component: () => import('./views/workbench/HallDeskView.vue'),
      meta: { need: 'staff' },
    },
    {
      path: '/workbench/appointments/schedule',
      name: 'appointmentSchedule',
      component: () => import('./views/workbench/AppointmentScheduleView.vue'),
      meta: { need: 'chief' },
    },
    {
      path: '/workbench/registrars',
      name: 'registrars',
      component: () => import('./views/workbench/RegistrarQualificationsView.vue'),
      meta: { need: 'chief' },
    },
    {
      path: '/workbench/marriage-archive',
      name: 'marriageArchive',
      component: () => import('./views/workbench/MarriageArchiveView.vue'),
      meta: { need: 'staff' },
    },
    {
      path: '/workbench/policy',
      name: 'policy',
      component: () => import('./views/workbench/PolicyView.vue'),
      meta: { need: 'admin' },
    },
    { path: '/hall/display', name: 'hallDisplay', component: () => import('./views/hall/HallDisplayView.vue'), meta: { bare: true } },
    { path: '/verify/:token', name: 'verify', component: () => import('./views/VerifyView.vue') },
    { path: '/:rest(.*)*', name: 'notFound', component: () => import('./views/NotFoundView.vue') },
  ],
})

function allowed(route: RouteLocationNormalized): boolean {
  switch (route.meta.need) {
    case 'applicant':
      return isApplicant()
    case 'staff':
      return isStaff()
    case 'reports':
      return isManager()
    case 'chief':
      return hasRole('chief')
    case 'admin':
      return hasRole('admin')
    case 'management':
      return isManager() || hasRole('chief')
    default:
      return true
  }
}

router.beforeEach(async (to) => {
  if (!session.loaded) {
    await loadMe()
    // Back from the identity provider (Keycloak mode): open the page the user was on or asked for.
    const next = session.me ? takeAfterSignIn() : null
    if (next && next !== to.fullPath) return next
  }
  if (!to.meta.need) return true
  if (!session.me) {
    if (signIn.mode === 'redirect') {
      redirectToSignIn(to.fullPath)
      return false
    }
    return { name: 'signin', query: { next: to.fullPath } }
  }
  return allowed(to) ? true : { name: 'home', query: { denied: to.fullPath } }
})
